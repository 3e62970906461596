# int() of text: the short decimal forms and everything next to them (signs,
# leading zeros, 18 and 19 digits, spaces, underscores, other digits, prefixes).
for t in ["0", "-0", "+7", "007", "123456789012345678", "-123456789012345678", "1234567890123456789", "99999999999999999999", " 5", "5 ", "1_000", "", "-", "+", "1e3", "١٢٣", "0x10", "12a", "--1", "+-1", "\t-42\n", "  97", " +0012 ", "1 2", "\x0b8\x0c", "\x1c5", "\u20037", "- 1", "\r\n"]:
    try:
        print(repr(t), int(t))
    except ValueError as e:
        print(repr(t), "ValueError", e)

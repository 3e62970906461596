print(int(), int("42"), int("  -17  "), int("+5"), int("1_000_000"), int("0"), int("-0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0x_ff", 0), int("0b101", 0), int("0o17", 0), int("17", 0))
print(int("z", 36), int("10", 2), int("777", 8), int("-101", 2), int("000", 0))
print(int("123456789012345678901234567890"), int("1" * 50, 2))

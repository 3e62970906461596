# isdigit, isalpha, isalnum, isspace, isupper, islower
samples = ['123', 'abc', 'abc123', '   ', '\t\n', 'ABC', 'Abc', 'aBC', '', '12.5', 'x y', 'ÄÖ', '١٢٣', 'A1', 'hello!']
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
words = ['Hello', 'WORLD', 'python3', '42', ' ']
print([w for w in words if w.isalpha()], [w for w in words if w.isalnum()])
print([w.isupper() or w.islower() for w in words])
print('ABC DEF'.isupper(), 'abc def'.islower(), '123 abc'.islower(), '123'.islower())
print('x\u00b2'.isdigit(), '\u00b2'.isdigit(), 'Ⅻ'.isdigit(), 'Ⅻ'.isalnum())
print(''.isalpha(), ''.isdigit(), ''.isupper(), '_'.isalnum())

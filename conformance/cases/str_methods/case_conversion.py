# upper, lower, title, capitalize, swapcase, casefold
samples = ['hello World', "it's a DOG's life", 'ß straße', 'MiXeD 123 cAsE', '', 'élan vital']
for s in samples:
    print(repr(s.upper()), repr(s.lower()), repr(s.title()))
    print(repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()))
print('hello-world_foo bar'.title())
print('ABC'.lower().upper() == 'ABC')
for s in ['hello  world', 'x1y2 z3', "o'neil mc-donald", '123abc']:
    print(s.title(), '|', s.capitalize(), '|', s.swapcase().swapcase() == s)
print('ÉCOLE'.lower(), 'straße'.upper(), 'ǳ'.title(), 'Σ'.lower())

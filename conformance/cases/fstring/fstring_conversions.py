# !r, !s and !a conversions
s = 'caf\u00e9 "q"'
print(f'{s}|{s!s}|{s!r}|{s!a}')
print(f'{42!r} {3.5!r} {None!r} {[1, "a"]!r}')
tabbed = 'tab\there'
print(f'{tabbed!r} {tabbed!s}')
name = "O'Brien"
print(f'{name!r} {name!a}')
euro = '\u20ac'
print(f'{euro!a} {euro!r} {euro!s}')
print(f'{[euro, "x"]!a}')
print(f'{"abc"!r:>10}|{"abc"!s:>10}|')
print(f'{ {"k": euro}!a}')

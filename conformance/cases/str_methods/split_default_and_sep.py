# split with default whitespace, explicit separators and maxsplit
s = '  the  quick\tbrown\nfox  '
print(s.split())
print(s.split(' '))
print('a,b,,c,'.split(','))
print('a,b,,c,'.split(',', 1))
print('a,b,,c,'.split(',', 2))
print('one::two::three'.split('::'))
print(''.split(), ''.split(','), '   '.split())
print('a b c d'.split(None, 2))
print('abc'.split('abc'), 'xabcx'.split('abc'))
print('1 2 3'.split(' ', 0), 'no-sep'.split('-', -1))

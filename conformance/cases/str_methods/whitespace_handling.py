# whitespace-sensitive methods on tabs, newlines and mixed spaces
s = '\t  indented line\t\n'
print(repr(s.strip()), repr(s.lstrip(' ')), repr(s.rstrip('\n')))
print(s.isspace(), ' \t\n\r\x0b\x0c'.isspace(), ''.isspace())
print(repr(' a\tb\nc  d '.split()), repr(' a\tb\nc  d '.split(' ')))
lines = ['  x = 1', '    y = 2', 'z = 3', '']
for line in lines:
    indent = len(line) - len(line.lstrip())
    print(indent, repr(line.strip()))
print('|'.join(['a', '', 'b']).split('|'))

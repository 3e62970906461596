# splitlines on various line endings
text = 'first\nsecond\r\nthird\rfourth\n\nsixth'
print(text.splitlines())
print(text.splitlines(True))
print('trailing\n'.splitlines(), ''.splitlines(), '\n'.splitlines())
print('no newline'.splitlines())
print(len('a\nb\n\nc\n'.splitlines()))
for i, line in enumerate('x = 1\ny = 2\n\nz = 3'.splitlines(), 1):
    print(i, repr(line))
print('a\x0bb\x0cc\x1cd'.splitlines())
print('one\r\n\r\ntwo'.splitlines(), 'one\r\n\r\ntwo'.splitlines(True))

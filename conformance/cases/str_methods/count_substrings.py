# count of non-overlapping substrings
s = 'banana bandana'
print(s.count('a'), s.count('an'), s.count('ana'), s.count('z'))
print(s.count('a', 7), s.count('a', 0, 6), s.count(''), ''.count(''))
print('aaaa'.count('aa'), 'ababab'.count('aba'))
for ch in 'abnd ':
    print(repr(ch), s.count(ch))
print('abcabcabc'.count('abc', 1), 'abcabcabc'.count('abc', 0, 7), 'abc'.count('abcd'))
print('aaa'.count('a', -2), 'a\na\n'.count('\n'), ' x  x '.count(' '))
print('hello world'.count('o'), 'hello world'.count('l', 3, 10))

# strip, lstrip and rstrip with and without characters
s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'abcba'.strip('ab'))
print('000123000'.lstrip('0'), '000123000'.rstrip('0'))
print(repr(''.strip()), repr('   '.strip()), 'keep'.strip(''))
print('www.example.com'.strip('cmowz.'))
print('--==text==--'.rstrip('-=').lstrip('-'))
for s in ['\n\tx\t\n', 'xyx', '  a b  ', '..a..b..']:
    print(repr(s.strip()), repr(s.strip('x')), repr(s.strip(' .')), repr(s.rstrip('.').lstrip()))

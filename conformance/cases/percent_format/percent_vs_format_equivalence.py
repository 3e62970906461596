# percent formatting compared with str.format and f-strings
pairs = [(1, 2.5), (-10, 0.125), (300, 1e5)]
for i, f in pairs:
    a = '%5d|%-8.3f|%x' % (i, f, abs(i))
    b = '{:5d}|{:<8.3f}|{:x}'.format(i, f, abs(i))
    c = f'{i:5d}|{f:<8.3f}|{abs(i):x}'
    print(a, a == b == c)
print('%s' % [1, 2] == str([1, 2]), '%r' % 'x' == repr('x'))
for s in ['ab', 'longer text']:
    print('%-8s|%8s|' % (s, s) == '{:<8}|{:>8}|'.format(s, s) == f'{s:<8}|{s:>8}|')
print('%e' % 1.5 == '{:e}'.format(1.5), '%g' % 1e-5 == f'{1e-5:g}')

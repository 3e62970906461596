# !r, !s and !a in str.format
v = 'naïve'
print('{0} {0!s} {0!r} {0!a}'.format(v))
print('{!r:>12}|{!s:<8}|'.format('hi', 'hi'))
print('{!r} {!r} {!r}'.format(1, 2.0, [None]))
print('{0!a}'.format(['\u00fc', 'u']))
print('{0!r} {0!s}'.format(None))
print('{0!r:^10}|{0!a:^10}|'.format('\u00e9'))
print('{!s}{!r}{!a}'.format(1, 2, 3))
print('{0!a} {0!r}'.format({'k\u00e9': 'v'}))

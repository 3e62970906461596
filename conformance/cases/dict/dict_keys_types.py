# various hashable key types
d = {}
d[1] = 'int'
d['1'] = 'str'
d[(1,)] = 'tuple'
d[frozenset([1])] = 'frozenset'
d[None] = 'none'
d[2.5] = 'float'
d[-0.0] = 'negzero'
print(d)
print(d[0], d[0.0], d[frozenset({1})])
print(len(d))
for k in d:
    print(repr(k), type(k).__name__)

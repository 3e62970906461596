# equal keys collapse in dicts and sets; first key wins, last value wins
d = {}
for k in [1, 1.0, True, 2, 2.0, 0, False, -0.0, 0.0]:
    d[k] = repr(k)
print(d)
s = set()
for k in [1, 1.0, True, 2.0, 2, 0.0, 0, False]:
    s.add(k)
print(s)
print({(1, 2): 'a', (1.0, 2.0): 'b'})
print({frozenset([1]): 'x', frozenset([1.0]): 'y'})
print(len({1, 1.0, True}), len({0, 0.0, False, -0.0}))

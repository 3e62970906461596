# iter and next on different containers
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'end'), next(it, None))
s = iter('ab')
print(next(s), next(s), next(s, '!'))
d = iter({'k1': 1, 'k2': 2})
print(next(d), list(d))
r = iter(range(5))
next(r)
print(list(r), list(r))
t = iter((9,))
for x in t:
    print('loop', x)
print(next(t, 'exhausted'))
it2 = iter([10, 20, 30, 40])
for x in it2:
    print(x, next(it2, None))

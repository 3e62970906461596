# insertion order preserved through deletes and reinserts
d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print(d)
del d[9]
d[9] = 0
print(d)
d[3] = 'updated'
print(d)
print(list(d.keys()), list(d.values()))
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
d2 = {}
d2['b'] = 1
d2['a'] = 2
d2['c'] = 3
print(d2, sorted(d2), sorted(d2.items()))

# building and inverting dicts
d = {'a': 1, 'b': 2, 'c': 1, 'd': 3}
inv = {}
for k, v in d.items():
    inv.setdefault(v, []).append(k)
print(inv)
swapped = {v: k for k, v in d.items()}
print(swapped)
filtered = {k: v for k, v in d.items() if v > 1}
print(filtered)
zipped = dict(zip(['p', 'q', 'r'], [7, 8, 9]))
print(zipped)
print(dict(enumerate('abc')))
print(dict([(i, i * i) for i in range(5)]))

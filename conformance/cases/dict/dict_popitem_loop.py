# draining a dict with popitem and rebuilding it
d = {'a': 1, 'b': 2, 'c': 3}
out = []
while d:
    k, v = d.popitem()
    out.append((k, v))
    print(k, v, d)
print(out)
for k, v in out:
    d[k] = v
print(d)
d.pop('c')
d['c'] = 30
print(d, list(d.items())[-1])

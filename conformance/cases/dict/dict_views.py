# keys, values, items views and their dynamic behaviour
d = {'x': 1, 'y': 2}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d['z'] = 3
print(list(k), list(v), list(it))
print(len(k), 'x' in k, 2 in v, ('y', 2) in it, ('y', 3) in it)
for key, val in d.items():
    print(key, '->', val)
del d['x']
print(list(k), len(it))
print(sorted(d.values(), reverse=True))
print(list(d), [key for key in d])

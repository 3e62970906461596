# dict creation, lookup, assignment, len, insertion order
d = {'one': 1, 'two': 2}
print(d, len(d), d['one'])
d['three'] = 3
d['one'] = 100
print(d)
print('two' in d, 'four' in d, 2 in d, 'four' not in d)
e = {}
print(e, len(e), bool(e), bool(d))
f = {1: 'a', 2.5: 'b', (1, 2): 'c', None: 'd', True: 'e'}
print(f)
print(f[1], f[None], f[(1, 2)])
g = dict([('x', 1), ('y', 2)])
print(g)
h = dict(g)
h['z'] = 3
print(g, h)
print(dict({'p': 1}), dict(zip('pq', [1, 2])))

# fromkeys shares the value; copy is shallow
d = dict.fromkeys(['a', 'b', 'c'])
print(d)
d2 = dict.fromkeys('xyz', 0)
print(d2)
shared = dict.fromkeys([1, 2], [])
shared[1].append('oops')
print(shared)
orig = {'k': [1, 2], 'n': 5}
cp = orig.copy()
cp['k'].append(3)
cp['n'] = 6
print(orig, cp)
print(dict.fromkeys(range(4), 'v'))
print(dict.fromkeys([]))

# clear and del on dicts
d = {i: str(i) for i in range(6)}
print(d)
del d[0]
del d[5]
print(d)
alias = d
d.clear()
print(d, alias, len(alias))
d[1] = 'one'
print(alias)
e = {'a': {'b': {'c': 1}}}
del e['a']['b']['c']
print(e)
del e['a']['b']
print(e)

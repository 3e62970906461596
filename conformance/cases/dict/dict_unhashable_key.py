# using a list as a key raises TypeError
d = {}
d[(1, 2)] = 'ok'
print(d)
try:
    d[[1, 2]] = 'bad'
except TypeError as e:
    print('caught:', e)
try:
    print({[]: 1})
except TypeError as e:
    print('caught:', e)
try:
    print([1] in d)
except TypeError as e:
    print('caught:', e)
d[{'a': 1}] = 3

# changing size during iteration raises RuntimeError
d = {1: 'a', 2: 'b', 3: 'c'}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
d = {1: 'a', 2: 'b'}
for k in d:
    d[k] = d[k] * 2
print(d)
try:
    for k in d:
        d[k + 10] = 'new'
except RuntimeError as e:
    print('caught:', e)
print(d)

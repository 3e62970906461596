# tuples cannot be modified but contained lists can
t = (1, [2, 3], 'x')
t[1].append(4)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print('assign:', e)
try:
    del t[0]
except TypeError as e:
    print('del:', e)
try:
    t[1] += [5]
except TypeError as e:
    print('augmented:', e)
print(t)
u = t
t = t + ('y',)
print(u, t, u is t)

# list containing itself prints with [...]
a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a, a[2][2][0])
b = [a, 'x']
print(b)
c = []
c.append(c)
c.append(c)
print(c)
d = [[]]
d[0].append(d)
print(d)

# chained assignment shares the same object
a = b = []
a.append(1)
print(a, b, a is b)
x = y = z = 0
x += 1
print(x, y, z)
p = q = [1, 2]
p = p + [3]
print(p, q)
m, n = o = (1, 2)
print(m, n, o)
d = e = {}
d['k'] = 'v'
print(e)
s = t = 'str'
s += '!'
print(s, t)

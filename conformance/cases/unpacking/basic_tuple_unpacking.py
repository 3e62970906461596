# unpacking tuples, lists and strings into names
a, b, c = 1, 2, 3
print(a, b, c)
x, y = [10, 20]
print(x, y)
p, q, r = 'xyz'
print(p, q, r)
(m, n) = (5, 6)
[s, t] = (7, 8)
print(m, n, s, t)
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
k, v = list({'key': 'val'}.items())[0]
print(k, v)
i, j = range(2)
print(i, j)

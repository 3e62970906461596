# unpacking strings, ranges, sets of ints and dicts
a, b, c = 'abc'
print(a, b, c)
x, y, z = range(10, 13)
print(x, y, z)
s1, s2 = {1, 2}
print(s1, s2)
k1, k2 = {'first': 1, 'second': 2}
print(k1, k2)
(v1, v2), = [(7, 8)]
print(v1, v2)
first, *_, last = range(100)
print(first, last)

# set algebra with operators
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b)
print(a & b)
print(a - b)
print(b - a)
print(a ^ b)
print(a <= b, {4, 5} <= b, {4, 5} < b, b < b, b <= b)
print(a >= {1, 2}, a > a, a == {5, 4, 3, 2, 1}, a != b)
c = set(a)
c |= {100}
c &= {1, 2, 100, 200}
print(c, a)
c -= {1}
print(c)
c ^= {2, 3}
print(c)

# copying vs aliasing sets
a = {1, 2, 3}
b = a
c = a | set()
d = set(a)
a.add(4)
print(a, b, c, d)
print(a is b, a is c, c == d)
b.discard(1)
print(a)
a -= {2}
print(a, b)
a = a - {3}
print(a, b)

# tuple concatenation, repetition, comparison, membership
a = (1, 2)
b = (3,)
print(a + b, b + a, a * 3, 0 * a)
c = a
c += b
print(a, c, a is c)
d = (0,)
d *= 4
print(d)
print((1, 2) < (1, 2, 0), (1, 3) > (1, 2, 99), (2,) >= (1, 5))
print((1, 2) == (1, 2), (1, 2) == (1.0, 2.0), (1, 2) != (2, 1))
print(2 in a, 5 in a, (1, 2) in ((1, 2), 3), 'x' not in ('y',))
print(sorted([(2, 1), (1, 2), (1, 1), (2, 0)]))
print(max([(1, 'b'), (1, 'a'), (0, 'z')]), min((3, 1), (3, 0, 9)))

# star unpacking inside list, tuple, set and dict displays
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), [0, *a, 5, *b, 9])
print({*a, *b, 1}, [*'abc', *range(2)])
d1 = {'x': 1}
d2 = {'y': 2, 'x': 10}
print({**d1, **d2}, {**d2, **d1}, {**d1, 'z': 3})
t = *a, *b
print(t)
print([*[], *()], (*a,))

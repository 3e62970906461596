# range with one, two and three arguments
print(list(range(5)), list(range(2, 6)), list(range(1, 10, 3)))
print(list(range(10, 0, -2)), list(range(0)), list(range(5, 2)), list(range(-3, 3)))
print(list(range(0, -10, -3)), list(range(3, 3)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[2])
print(range(5), range(0, 5), range(1, 2, 3), range(5, 0, -1))
print(type(r).__name__, repr(range(-2, 2)))
for i in range(3):
    print('i =', i)

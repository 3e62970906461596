# negative steps, empty ranges and indexing
for args in [(10, 0, -1), (10, 0, -3), (0, 10, -1), (-1, -10, -4), (5, 5, -1)]:
    r = range(args[0], args[1], args[2])
    print(args, list(r), len(r))
r = range(100, -100, -7)
print(r[0], r[-1], r[len(r) // 2], len(r))
print(list(range(-1, -5, -1)))
for i in range(3, -4, -3):
    print(i, end=' ')
print()
print(sum(range(0, -101, -1)), len(range(-1, -1001, -7)))

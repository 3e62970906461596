# building patterns using range steps
n = 5
for i in range(n):
    print(' ' * (n - i - 1) + '*' * (2 * i + 1))
for i in range(n - 2, -1, -1):
    print(' ' * (n - i - 1) + '*' * (2 * i + 1))
print([i for i in range(0, 30, 5)])
print(','.join([str(i) for i in range(1, 20, 2)]))
print(sum(range(3, 1000, 3)) + sum(range(5, 1000, 5)) - sum(range(15, 1000, 15)))
for step in [1, 2, 5]:
    print(step, [i * i for i in range(0, 12, step)])

# Comparisons of ints the optimizer proved ints, across the small-int boundary
# (2**62) and with big ints on either side; their results as bools and branches.


def cmp(a, b):
    return a < b, a <= b, a > b, a >= b, a == b, a != b


def count_below(limit, step):
    n = 0
    i = 0
    while i < limit:
        i += step
        n += 1
    return n


big = 2 ** 62
print(cmp(1, 2), cmp(-5, -5), cmp(big - 1, big), cmp(big, big - 1))
print(cmp(-big, -big - 1), cmp(10 ** 30, 10 ** 30), cmp(-(10 ** 30), 3))
print(count_below(100, 7), count_below(big + 10, big // 3), count_below(0, 1))
flags = [i < 3 for i in range(6)]
print(flags, sum(flags), [i for i in range(10) if i % 3 == 0 and i > 2])

# hash of small, negative and large ints
for n in [0, 1, -1, -2, 2, 100, -100, 2 ** 31, 2 ** 32 + 7, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 64 + 3, -(2 ** 61), 10 ** 30, -(10 ** 30)]:
    print(n, hash(n))
print(hash(-1) == hash(-2), -1 == -2)
print(hash(True), hash(False))
vals = [7, 2 ** 61 + 7, 2 * (2 ** 61 - 1) + 7]
print([hash(v) for v in vals], len(set([hash(v) for v in vals])))
print(len({7, 2 ** 61 + 6}), {7, 2 ** 61 + 6})
print(hash(-(2 ** 61 - 1)), hash(-(2 ** 61)), hash(-(2 ** 61) - 1))
print(hash(2 ** 100), hash(-(2 ** 100)), hash(3 ** 50))

# hash of floats and equality with ints
for x in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.25, 0.1, 1e10, 1e20, 1e300, 3.141592653589793, float('inf'), float('-inf')]:
    print(repr(x), hash(x))
print(hash(2.0) == hash(2), hash(1e20) == hash(10 ** 20), 1e20 == 10 ** 20)
print(hash(2 ** 53 + 1) == hash(float(2 ** 53 + 1)), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(hash(0.1) == hash(1 / 10), hash(1.0 / 3), hash(-1.0))
for x in [2.0 ** 60, 2.0 ** 61, 2.0 ** 62, 2.0 ** -3]:
    print(x, hash(x))
print(hash(-0.0) == hash(0.0), hash(1.5) == hash(3 / 2), hash(4.0) == hash(4))
print(hash(1e-300), hash(-1e300))

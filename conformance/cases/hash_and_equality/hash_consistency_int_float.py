# hash consistency for numbers that compare equal
vals = [0, 1, -1, 7, 2 ** 40, -(2 ** 40), 2 ** 61 - 1, 2 ** 62]
for v in vals:
    f = float(v)
    print(v, f, v == f, hash(v) == hash(f), hash(v))
print(hash(0.5) == hash(1 / 2), hash(-0.5))
print(hash(1.25), hash(-1.25), hash(123.456))
big = 2 ** 80
print(big == float(big), hash(big) == hash(float(big)), hash(big))
odd = 2 ** 80 + 1
print(odd == float(odd), hash(odd) == hash(float(odd)))

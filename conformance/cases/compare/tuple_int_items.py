# Tuples and lists of ints compare item by item: equal items (by identity or
# value) are skipped, the first different pair decides, bools and floats equal
# to ints count as equal, and big ints order with small ones.
pairs = [
    ((1, 2, 3), (1, 2, 4)),
    ((1, 2), (1, 2, 0)),
    ((-5, 7), (-6, 100)),
    ((2**70, 1), (2**70, 0)),
    ((1, True), (1, 1)),
    ((0, 2.0), (0, 2)),
    ((3, -(2**62)), (3, 2**62 - 1)),
    ((1, "a"), (1, "b")),
    ([4, 5], [4, 5]),
    ([4, 5, -1], [4, 5]),
]
for a, b in pairs:
    print(a < b, a <= b, a == b, a != b, a > b, a >= b)
rows = [(i % 3, -(i % 5), i) for i in range(12)]
print(sorted(rows))
print(sorted(rows, key=lambda r: (r[1], r[0]), reverse=True)[:4])
print(max(rows), min(rows))
try:
    print((1, 2) < (1, "x"))
except TypeError as e:
    print("TypeError", e)

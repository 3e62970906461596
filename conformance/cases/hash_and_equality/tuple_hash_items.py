# Tuples hash item by item: ints and strs directly, other items (floats, big
# ints, nested tuples, frozensets, -1 whose hash is -2) the same way; strs'
# hashes vary per run, so they only meet as dict keys here.
cases = [
    (),
    (1, 2),
    (2, 1),
    (-1,),
    (-2,),
    (1.5, 2),
    (2**64, -(2**70)),
    ((1, 2), (3, (4, 5))),
    (True, False),
    (frozenset({1, 2}), 3),
    (0.0, -0.0, 1e300),
    tuple(range(40)),
]
for t in cases:
    print(t if len(t) < 10 else len(t), hash(t))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((True, 0)) == hash((1, False)))
grid = {}
for x in range(4):
    for y in range(3):
        grid[(x, y)] = x * y
        grid[(x, (y,))] = -x
        grid[(str(x), y)] = y
print(len(grid), grid[(3, 2)], grid[(1.0, 2)], grid[(2, (1,))], (2, 1) in grid, (2, 9) in grid, grid[("3", 2)])
print((1, "a") == (1, "a"), (1, "a") < (1, "b"), (1, (2,)) == (1, (2,)), (1, 2.0) == (1, 2))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)

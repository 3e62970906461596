# Repetition and extended-slice assignment keep every reference count right:
# immediates (bools, small ints, None) and heap objects (lists, strs, floats,
# big ints) repeated, assigned over each other through a step, and released.


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Box({self.v})"


shared = [1, 2]
grid = [shared] * 4
shared.append(3)
print(grid, len(grid))
del shared
grid[0].append(4)
print(grid[3])

flags = [True] * 9
flags[::2] = [False] * 5
print(flags)
flags[1::3] = [None, 7, 2**70]
print(flags)
flags[::-3] = ["a", "b", "c"]
print(flags)
flags[::4] = [1.5, Box(1), Box(2)]
print(flags)
flags[::4] = [False, False, False]
print(flags)

pairs = [Box(0), "s", 2**80] * 3
print(pairs)
pairs[::2] = pairs[1::2] + [None]
print(pairs)
pairs[::-1] = pairs
print(pairs)
pairs[1:7:2] = (9, 8, 7)
print(pairs)

for n in (0, 1, 2, 5, 16, 17):
    items = [n, "x", Box(n)] * n
    print(n, len(items), items[-3:] if items else items)
print([[]] * 0, [0] * -3, [None, 1] * 3)
try:
    flags[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
big = [2**65] * 100000
big[::3] = [None] * len(big[::3])
print(sum(1 for x in big if x is None), big[1] == 2**65)

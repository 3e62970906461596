# Slice assignment of an exact list or tuple of the slice's length, which the
# runtime copies in place: the items' references, clamped and negative bounds,
# a value holding the target itself, and (for contrast) an iterable that is
# neither, which is collected first.
xs = list(range(10))
xs[2:5] = (20, 30, 40)
xs[-3:] = [70, 80, 90]
xs[8:100] = ["a", "b"]
xs[-100:1] = ("first",)
xs[5:5] = []
print(xs)
shared = ["shared"]
grid = [[0], [1], [2]]
grid[0:2] = [shared, shared]
shared.append("seen twice")
print(grid, grid[0] is grid[1])
holder = [1, 2, 3]
holder[0:1] = [holder]
print(len(holder), holder[0] is holder, holder[1:])
old = [["x"], ["y"]]
keep = old[0]
old[:] = (1, 2)
print(old, keep is not None)


class Backwards:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items[::-1])


ys = [0, 0, 0, 0]
ys[1:4] = Backwards([1, 2, 3])
print(ys)
ys[0:2] = Backwards([9])
print(ys)
zs = list("abcdef")
for start in range(-8, 9, 3):
    copy = zs[:]
    copy[start:start + 2] = tuple(copy[start:start + 2])[::-1]
    print(start, "".join(copy))

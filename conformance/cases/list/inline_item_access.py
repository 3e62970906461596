# Indexing, item assignment, unpacking and for loops over tuples and lists,
# which compiled code does inline for small int indexes in range: the edges
# of that range, other index types, list subclasses and lists that change
# while a loop walks them must behave as CPython's.


class Loud(list):
    def shout(self):
        return [str(v) + "!" for v in self]


def read(seq, i):
    try:
        return seq[i]
    except (IndexError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


def write(seq, i, v):
    try:
        seq[i] = v
        return seq
    except (IndexError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


items = [10, 20.5, "x", None, (1, 2)]
frozen = (1, 2, 3)
for i in [0, 4, 5, -1, -5, -6, True, False, 2**70, -(2**70), 2**62, 1.0, "0"]:
    print(i, read(items, i), read(frozen, i))
print(read([], 0), read((), -1), read(Loud([1, 2, 3]), -1))

grid = [0, 0, 0]
for i in [0, -1, 3, -4, True, 2**65, 1.5]:
    print(write(grid, i, i))
print(write(frozen, 0, 5), write(Loud([1, 2]), 0, 7))

a, b = (1, "two")
c, d, e = [3.0, [4], {5: 6}]
print(a, b, c, d, e)
x, y = Loud([7, 8])
print(x, y)
for bad in [(1, 2, 3), [1], (), "ab", "abc"]:
    try:
        p, q = bad
        print("unpacked", p, q)
    except ValueError as err:
        print("ValueError:", err)

pairs = [(i, i * i) for i in range(4)]
total = 0
for n, sq in pairs:
    total += n * sq
print(total)

growing = [1, 2, 3]
for v in growing:
    if v < 6:
        growing.append(v + 3)
print(growing)

shrinking = [1, 2, 3, 4, 5, 6]
seen = []
for v in shrinking:
    seen.append(v)
    if v == 2:
        del shrinking[0]
        shrinking.pop()
print(seen, shrinking)

for ch in Loud([1, 2]):
    print(ch, end=" ")
print(Loud("ab").shout())
for t in (1, (2,), [3]):
    print(t, end=" ")
print()
it = iter([1, 2])
for v in it:
    print(v, list(it))
print(read(items, 10))

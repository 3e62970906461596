# sorted() compares the same pairs in the same order as CPython (timsort with
# powersort merging): the call log, inconsistent orders, errors mid-sort.
log = []
class K:
    __slots__ = ("v", "i")
    def __init__(self, v, i):
        self.v = v
        self.i = i
    def __lt__(self, other):
        log.append(self.i * 100003 + other.i)
        return self.v < other.v

state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n

def digest(xs):
    h = 0
    for x in xs:
        h = (h * 1000003 + x) % 18446744073709551557
    return h

shapes = []
for size in [0, 1, 2, 3, 5, 10, 31, 32, 33, 63, 64, 65, 100, 127, 200, 500, 1000, 3000]:
    shapes.append(("random", size, [rnd(size * 2 + 1) for _ in range(size)]))
    shapes.append(("few", size, [rnd(3) for _ in range(size)]))
    shapes.append(("asc", size, list(range(size))))
    shapes.append(("desc", size, list(range(size, 0, -1))))
    runs = []
    while len(runs) < size:
        start = rnd(1000)
        runs.extend(range(start, start + rnd(50) + 1))
    shapes.append(("runs", size, runs[:size]))
    saw = [(i % 37) * (1 if i % 2 else -1) for i in range(size)]
    shapes.append(("saw", size, saw))
for name, size, data in shapes:
    log.clear()
    items = [K(v, i) for i, v in enumerate(data)]
    out = sorted(items)
    rev = sorted(items, reverse=True)
    print(name, size, len(log), digest(log), digest([k.i for k in out]), digest([k.i for k in rev]))
# An inconsistent order: the result depends on exactly which pairs are compared.
class Odd:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return (self.v * 7 + other.v * 3) % 5 < 2
data = [Odd(rnd(100)) for _ in range(400)]
print([o.v for o in sorted(data)][:40])
# Sorting with an exception midway leaves a permutation.
class Boom:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 13 or other.v == 13:
            raise ValueError("boom")
        return self.v < other.v
xs = [Boom(v) for v in [5, 3, 9, 13, 1, 7, 2, 8, 4, 6, 11, 10, 12, 0]]
try:
    xs.sort()
except ValueError as e:
    print("error", e, [b.v for b in xs])
ys = [3, 1, 2]
def meddle(v):
    ys.append(v)
    return v
try:
    ys.sort(key=meddle)
except ValueError as e:
    print("error", e, ys)

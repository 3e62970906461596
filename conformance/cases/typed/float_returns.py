# A copy specialized for ints that returns only floats it has just made returns
# them unboxed. Its callers must still see every value as CPython makes it:
# the generic function's results for other arguments (which need not be
# floats), exceptions raised inside with their traceback lines, the recursion
# limit, and the result kept as an object.


def ratio(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def weight(i, j):
    if i > j:
        return i / 2
    return (j - i) * 0.5


def accumulate(pairs):
    total = 0
    for i, j in pairs:
        total += ratio(i, j) * 2.0 + weight(i, j)
    return total


def scaled(pairs):
    total = 0
    for i, j in pairs:
        total += ratio(i, j) * 2.0
    return total


def collect(n):
    out = []
    for i in range(n):
        r = ratio(i, i)
        out.append(r)
    return out, out[0] is out[0]


class Sym:
    def __init__(self, text):
        self.text = text

    def __add__(self, other):
        return Sym(f"({self.text}+{other})")

    def __radd__(self, other):
        return Sym(f"({other}+{self.text})")

    def __mul__(self, other):
        return Sym(f"{self.text}*{other}")

    def __floordiv__(self, other):
        return Sym(f"{self.text}//{other}")

    def __rtruediv__(self, other):
        return Sym(f"{other}/{self.text}")

    def __str__(self):
        return self.text


def guarded(pairs):
    total = 0.0
    for i, j in pairs:
        try:
            total += ratio(i, j) * 3.0
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
        except TypeError as e:
            print("TypeError", e)
    return total


def deep(n):
    if n == 0:
        return 0.5 * n
    return deep(n - 1) * 1.0 + 1.0 / n


print(accumulate([(1, 2), (3, 4), (5, 0), (0, 0)]))
print(accumulate([(1.5, 2), (2**70, 3)]))
print(collect(4))
print(guarded([(1, 2), (0, -1), (-1, 0), (-2, 1), (1.5, 0.5), ("a", 1)]))
print(scaled([(1, 2), (Sym("a"), 1), (2, 1)]))
print(guarded([(Sym("b"), 2)]))
print(deep(50))
try:
    deep(5000)
except RecursionError as e:
    print("RecursionError", e)
print(ratio(10**20, 1) * 2.0)


# Computed inline at the call: ints past 64 bits, a zero divisor and the
# recursion limit go to the real call.
print(scaled([(2**40, 2**40), (2**61, 1), (-(2**61), -5), (7, -3)]))
print(guarded([(-1, 0), (0, -1), (3, -9)]))


def probe(n, pairs):
    if n > 0:
        return probe(n - 1, pairs)
    return scaled(pairs)


def probe_plain(n, pairs):
    if n > 0:
        return probe_plain(n - 1, pairs)
    return len(pairs)


def deepest(f, pairs):
    n = 0
    while True:
        try:
            f(n, pairs)
        except RecursionError:
            return n
        n += 1


print(deepest(probe, [(1, 2)]) - deepest(probe_plain, [(1, 2)]))
print(ratio(-1, 0))

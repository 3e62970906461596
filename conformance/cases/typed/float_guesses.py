# Values of unknown type that the compiler guesses to be floats (items of
# lists and tuples, parameters it cannot type): each guess is checked where the
# value is made, and a value that is not a float goes on in the generic code
# with every local and temporary as it was, mid-statement and mid-loop.


class Meters:
    def __init__(self, v):
        self.v = v

    def __sub__(self, other):
        return Meters(self.v - (other.v if isinstance(other, Meters) else other))

    def __rsub__(self, other):
        return Meters(other - self.v)

    def __mul__(self, other):
        return Meters(self.v * (other.v if isinstance(other, Meters) else other))

    __rmul__ = __mul__

    def __add__(self, other):
        return Meters(self.v + (other.v if isinstance(other, Meters) else other))

    __radd__ = __add__

    def __truediv__(self, other):
        return Meters(self.v / (other.v if isinstance(other, Meters) else other))

    def __repr__(self):
        return f"Meters({self.v!r})"


def pair_terms(pairs, dt):
    out = []
    for (a, b) in pairs:
        d = a - b
        e = d * d + a * b * 0.5
        f = e / (d + 1.5) * dt
        out.append((d, e, f))
    return out


rows = [
    (1.5, 0.25),
    (-0.0, 0.0),
    (float("inf"), 1.0),
    (float("nan"), 2.0),
    (5e-324, -5e-324),
    (1e308, -1e308),
    (3, 0.5),
    (0.5, 2 ** 70),
    (True, 0.25),
    (Meters(2.0), 0.5),
]
for t in pair_terms(rows, 0.1):
    print(t)
print(pair_terms([(1.0, 2.0)], 3))
try:
    pair_terms([(2.0, 0.5), ("a", 1.0)], 0.5)
except TypeError as err:
    print("TypeError:", err)
try:
    pair_terms([(0.5, 2.0)], 1.0)
except ZeroDivisionError as err:
    print("ZeroDivisionError:", err)


def leaves_mid_block(xs, ys):
    total = 0.0
    for i in range(len(xs)):
        d = xs[i] * 2.5
        e = d - 0.75
        g = ys[i]
        h = d * g - e
        total += h + d / e
    return total, d, e


print(leaves_mid_block([1.0, 2.0, 3.0], [0.5, 0.25, 0.125]))
print(leaves_mid_block([1.0, 2.0, 3.0], [0.5, 4, 0.125]))
print(leaves_mid_block([1.0, 2.0, 3.0], [0.5, 0.25, 2 ** 80]))
print(leaves_mid_block([1.0, 7, 3.0], [0.5, 0.25, 0.125]))
try:
    leaves_mid_block([1.0, 0.3], [0.5, "x"])
except TypeError as err:
    print("TypeError:", err)


def temps_at_exit(xs, ys):
    total = 0.0
    for i in range(len(xs)):
        d = xs[i] * 2.5
        e = d - 0.75
        g = ys[i]
        total += d * g - e + d / e
    return total


print(temps_at_exit([1.0, 2.0, 3.0], [0.5, 0.25, 0.125]))
print(temps_at_exit([1.0, 2.0, 3.0], [0.5, 4, 0.125]))
print(temps_at_exit([1.0, 2.0, 3.0], [Meters(0.5), 0.25, 0.125]))
print(temps_at_exit([1.0, 0.4], [0.5, 3 ** 50]))
try:
    temps_at_exit([1.0, 0.4], [0.5, None])
except TypeError as err:
    print("TypeError:", err)


def handler_reads(rows):
    seen = []
    for a, b in rows:
        try:
            d = a - b
            q = 1.0 / d
            seen.append(q * d)
        except ZeroDivisionError:
            seen.append(("zero", d))
    return seen


print(handler_reads([(1.0, 0.5), (2.5, 2.5), (-0.0, 0.0), (4.0, 1.0)]))


def compare_guessed(xs, lo, hi):
    inside = 0
    for x in xs:
        y = x * 1.0
        if lo <= y < hi:
            inside += 1
        if y != y:
            print("nan seen")
    return inside


print(compare_guessed([0.5, 1.5, float("nan"), 2.5, -0.0, 0.0], 0.0, 2.0))
print(compare_guessed([0.5, 1, 1.5], 0.0, 2.0))
def pows(rows):
    out = []
    for a, b in rows:
        try:
            s = a * 1.0
            out.append(s ** b)
            t = s * s
            out.append((t + 0.5) ** (b * 1.0) - 1.5)
        except (OverflowError, ZeroDivisionError, ValueError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out

print(pows([(2.0, 0.5), (4.0, -1.5), (1e300, 2.0), (0.0, -1.0), (0.0, 2.0), (1.0, float("inf")), (float("inf"), -2.0), (float("nan"), 0.0), (-8.0, 3.0), (2.0, 1e10), (5e-324, 0.5), (3.0, 2), (1.5, True)]))

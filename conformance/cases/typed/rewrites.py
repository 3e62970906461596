# Every rewrite family of the optimizer, on the values where a wrong rule
# would show: signed zeros, nan, infinities, huge ints and bools.


def floats(x: float, y: float):
    a = x * 1.0
    b = x / 1.0
    c = x + -0.0
    d = x - 0.0
    e = -(-x)
    f = x * -1.0
    g = x * 2.0
    h = x / 2.0
    i = x - (-y)
    return a, b, c, d, e, f, g, h, i


def float_compares(x: float, y: float):
    return not (x != y), not (x < y), x == x, x < x


def ints(x: int, y: int):
    a = x + 0
    b = 0 + x
    c = x - 0
    d = x - x
    e = 0 - x
    f = -(-x)
    g = (x + y) - y
    h = x * 1
    k = x * 2
    return a, b, c, d, e, f, g, h, k


def int_compares(x: int, y: int):
    return not (x < y), not (x >= y), x == x, x < x, (x - y) < 0, (x + 1) <= y


def bools(p: bool, q: bool):
    return not (not p), p & True, p | False, p & False, p ^ p, p ^ True, p == True, p == False, p & q


def folded():
    a = 7 // 2 + 7 % -2 - (-7) // 2
    b = 2.5 * 4.0 - 1.0 / 4.0
    c = 1 < 2.5
    d = (1 << 62) + (1 << 62)
    e = 0.1 + 0.2
    return a, b, c, d, e


for x, y in [(0.0, -0.0), (-0.0, 0.0), (1.5, -2.25), (float("nan"), 1.0), (float("inf"), float("-inf")), (5e-324, 1e308)]:
    print(floats(x, y))
    print(float_compares(x, y))
for x, y in [(0, 0), (-1, 1), (2**62, 2**62), (2**63, -(2**63) - 1), (-(10**30), 7)]:
    print(ints(x, y))
    print(int_compares(x, y))
for p in (False, True):
    for q in (False, True):
        print(bools(p, q))
print(folded())
print(1 // 0.5, 3 % 0.7)
try:
    print(ints(1, 0), 5 // (1 - 1))
except ZeroDivisionError as err:
    print("caught", err)
# Direct calls with typed arguments go to specialized copies, where the rules apply.
print(floats(-0.0, 0.0), floats(float("nan"), float("-inf")), floats(5e-324, -1e308))
print(float_compares(float("nan"), 0.0), float_compares(-0.0, 0.0), float_compares(1.0, 2.0))
print(ints(2**63, -1), ints(-(2**62), 2**62), int_compares(3, 4), int_compares(2**64, -(2**64)))
print(bools(True, False), bools(False, True))

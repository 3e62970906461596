# `%` of floats the compiler proved to be floats (and `%=`) computes on the
# machine: the result takes the divisor's sign, a zero result is a signed zero,
# infinities and NaNs behave as CPython's, and a zero divisor raises.


def mods(x, y):
    a = x * 1.0
    b = y * 1.0
    r = a % b
    s = a
    s %= b
    return r, s, a % 2, 7 % b, -a % b


def series(n):
    x = 0.5
    out = []
    for _ in range(n):
        x = (x * 3.7 * (1.0 - x)) % 1.0
        out.append(x)
    return out


def guarded(x, y):
    a = x * 1.0
    try:
        return a % (y * 1.0)
    except ZeroDivisionError as e:
        return "ZeroDivisionError " + str(e)


for x, y in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0, 3), (0, -3),
             (-0.0, 3), (6, 3), (-6, 3), (6, -3), (1e300, 1e-300), (5, float("inf")),
             (-5, float("inf")), (float("inf"), 5), (float("nan"), 2), (3, float("nan")),
             (2**53 + 1, 10), (1e-320, 3e-320)]:
    print(x, y, mods(x, y))
print(series(6))
print(guarded(3, 0))
print(guarded(3, -0.0))
print(guarded(-2.5, 0.75))
z = 4.0
z %= 0.0

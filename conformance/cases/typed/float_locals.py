# Float locals, parameters and results that the optimizer keeps unboxed; the
# values that make float arithmetic subtle: -0.0, nan, inf, huge and tiny.


def scale(x, k):
    y = x * k
    z = y - x
    return z / 2.0


def signs(x):
    n = -x
    return n, x * -1.0, 0.0 * x, x - x


def accumulate(xs):
    total = 0.0
    for x in xs:
        total += x
    return total


def mixed(x, i):
    a = x + i
    b = i * x
    c = x / i
    d = i - x
    return a, b, c, d


print(scale(3.5, 2.0), scale(-0.0, 5.0), scale(1e308, 10.0), scale(5e-324, 0.5))
print(signs(0.0), signs(-0.0), signs(float("inf")), signs(float("nan")))
print(accumulate([0.1, 0.2, 0.3]), accumulate([1e16, 1.0, -1e16]))
print(mixed(2.5, 3), mixed(-0.0, 7), mixed(1.5, -(2 ** 62)), mixed(0.1, 2 ** 53 + 1))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1.0, nan >= nan, -0.0 == 0.0, 0.1 + 0.2 == 0.3)
for v in [0.0, -0.0, nan, 1e-320, -1.0]:
    if v:
        print("truthy", v)
    else:
        print("falsy", v)
x = 1.0
for i in range(5):
    x = x * 1.5 + i
print(x, 2 ** 53 + 1 < x * 1e20, 3 < 3.5, 3.0 == 3, (2 ** 62) == 2.0 ** 62)

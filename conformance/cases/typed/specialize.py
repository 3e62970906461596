# One function called with arguments of several types: each call site must see
# exactly what the untyped function computes, whatever copy serves it.


def twice(x):
    return x + x


def poly(x, y):
    if x < y:
        return x * y - 1
    return x - y * 2


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def pick(flag, a, b):
    if flag:
        return a
    return b


print(twice(3), twice(2.5), twice("ab"), twice([1]), twice(True), twice(2 ** 62))
print(poly(2, 3), poly(2.0, 3), poly(3, 2.5), poly(1.5, 1.5), poly(-0.0, 0.0))
print(fib(20), fib(25.0), fib(True))
print(pick(True, 1, 2.0), pick(0.0, 1, 2.0), pick(float("nan"), "a", "b"))
values = [1, 2.5, "s", None]
print([twice(v) if v is not None else v for v in values])

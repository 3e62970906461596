# Accumulators that start as the int 0 and take floats (`total = 0` then
# `total += x * y`): the compiler guesses them to be floats that may still hold
# one of the function's int literals, and lets such ints through its check.
# What must not change: an accumulator that never took a float is still an
# int, an int meeting an int is int arithmetic, ints past 2**53 compare
# exactly, and every wrong guess goes on in the generic code.


def weighted(xs, ws):
    total = 0
    for x, w in zip(xs, ws):
        total += x * w
    return total


def call_result(n):
    def part(k):
        return 1.0 / (k + 1)

    acc = 0
    for k in range(n):
        acc += part(k) * 2.0
    return acc


def scaled(items):
    s = 0
    for i, v in enumerate(items):
        s = s + v * 0.5
        if s > 3:
            s = 0
    return s


def low_high(items):
    best = -1
    for v in items:
        if best < v * 1.0:
            best = v * 1.0
    return best


def negated(items):
    total = 0
    for v in items:
        total -= v / 2
    return total


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __mul__(self, other):
        return Money(self.cents * other)

    def __radd__(self, other):
        return Money(other + self.cents)

    def __repr__(self):
        return f"Money({self.cents!r})"


for xs, ws in [
    ([], []),
    ([1.5], [2.0]),
    ([1.5, 2.5, -0.25], [2.0, 0.5, 4.0]),
    ([1, 2, 3], [0.5, 0.5, 0.5]),
    ([1.5, 2, 3], [2, 0.5, 1.5]),
    ([1, 2], [3, 4]),
    ([2**60, 1.0], [2, 1.0]),
    ([1.0, 2**60], [1.0, 2]),
    ([0.1] * 10, [1.0] * 10),
    ([float("inf"), 1.0], [1.0, 1.0]),
    ([float("nan")], [1.0]),
    ([-0.0], [1.0]),
    ([1e308, 1e308], [10.0, 10.0]),
    ([True, 1.5], [True, 2.0]),
    ([Money(5), 1.0], [3, 1.0]),
    ([1.0, "a"], [1.0, 2]),
]:
    try:
        r = weighted(xs, ws)
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for n in [0, 1, 5, 50]:
    r = call_result(n)
    print(type(r).__name__, r)

for items in [[], [1.0, 2.0], [1.0, 2.0, 3.0, 4.0, 5.0], [2, 4, 6, 8], [1.5, 2, 10]]:
    r = scaled(items)
    print(type(r).__name__, r)

for items in [[], [0.5], [-3.0, -2.0], [2**53 + 1], [5, 2.5], [float("nan"), 1.0]]:
    r = low_high(items)
    print(type(r).__name__, r)

for items in [[], [1.0], [3, 5.0], [2**70, 1.0], [1.0, 0.0, -1.0]]:
    try:
        r = negated(items)
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)


def compare_big(v):
    limit = 9007199254740993
    seen = 0
    for x in v:
        if x * 1.0 < limit:
            seen = seen + 1.0
    return seen, limit == 9007199254740992.0


print(compare_big([1.0, 9007199254740992.0, 1e20]))


def exact_literal_compare(xs):
    top = 9007199254740992
    out = []
    for x in xs:
        y = x + 0.0
        out.append((y < top, y == top, y > top))
        top = top
    return out


print(exact_literal_compare([9007199254740991.0, 9007199254740992.0, 9007199254740994.0]))


def int_then_float_division(xs):
    q = 1
    for x in xs:
        q = q / x
    return q


for xs in [[], [2.0], [2.0, 0.5], [4], [0.0]]:
    try:
        r = int_then_float_division(xs)
        print(type(r).__name__, r)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def param_start(x, ys):
    # `x` may also hold the literal 0: an int past 2**53 that it starts with
    # is one a float cannot stand in for (2**53 + 1 is not 2**53).
    out = []
    for y in ys:
        out.append((x == y * 1.0, x < y * 1.0, x > y * 1.0))
        x = 0
    return out


print(param_start(2**53 + 1, [9007199254740992.0, 0.0]))
print(param_start(-(2**53) - 1, [-9007199254740992.0]))
print(param_start(2**53, [9007199254740992.0]))
print(param_start(2**62, [4.611686018427388e18]))
print(param_start(0.5, [0.5, 0.0]))


def both_literals(xs):
    # `a + b` may meet two ints (0 + 1 is the int 1): not guessed.
    a = 0
    b = 1
    for x in xs:
        a = a + b
        b = x * 1.0
    return a


for xs in [[], [5.0], [5.0, 2.5], [5.0, 2.5, 1.0]]:
    r = both_literals(xs)
    print(type(r).__name__, r)

# Functions whose ints were proven: the compiled code keeps a copy in which they
# are small, and must hand over to the general code, with every value intact,
# whenever one stops being small: an argument, a call's result, an overflowing
# op, a store of a big value, an exception in the middle.


def grow(x, rounds):
    # Squares until past 64 bits, then keeps going on big ints.
    total = 0
    for i in range(rounds):
        x = x * x + i
        total += x % 1000003
    return x, total


def shift_walk(n):
    steps = 0
    acc = 1
    while n > 0:
        acc = acc * 3 - n
        n = n // 2 - 1
        steps += 1
    return steps, acc


def mixed_add(a, b):
    return a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b, a >> 3


def big_result(n):
    return 2 ** n + 1


def sum_calls(k):
    total = 0
    for i in range(k):
        total += big_result(i * 10)
    return total


def divide_all(values, d):
    out = []
    for v in values:
        try:
            out.append(v // d - v % d)
        except ZeroDivisionError as e:
            out.append(str(e))
        d -= 1
    return out


def countdown(n, seen):
    while n:
        seen += n
        n -= 1
        if seen > 4611686018427387900:
            seen -= 4611686018427387904
    return seen


def unbound_later(flag):
    k = 5
    if flag:
        del k
    return k + 1


def gen_ints(n):
    x = 4611686018427387900
    for i in range(n):
        x += i
        yield x


def compare_edges(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b, bool(a), bool(b)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_big(n, a, b):
    for _ in range(n):
        a, b = b, a + b
    return a


print(grow(3, 8))
print(grow(-7, 3))
print(shift_walk(10 ** 6))
print(shift_walk(2 ** 70))
print(mixed_add(4611686018427387903, 1))
print(mixed_add(-4611686018427387904, -1))
print(mixed_add(-4611686018427387904, 3))
print(mixed_add(2 ** 100, -7))
print(mixed_add(-17, 5))
print(sum_calls(9))
print(divide_all([100, -100, 7, 9, 2 ** 65], 2))
print(countdown(1000, 0))
print(countdown(1000, 4611686018427387000))
print(list(gen_ints(5)))
print(compare_edges(4611686018427387903, -4611686018427387904))
print(compare_edges(2 ** 62, 2 ** 62 - 1))
print(compare_edges(0, -0))
print(fib(20), fib_big(100, 0, 1), fib_big(10, 2 ** 64, 1))
print(unbound_later(False))
print(unbound_later(True))

# Floor division and modulo by positive constants where a branch proved the
# dividend nonnegative (compiled code then uses the machine's unsigned ops with
# no sign correction): digits of values up to the largest small int, divisors
# larger than the dividend, a divisor of 1, zero, and the same ops where the
# dividend may be negative, which need the correction.


def digits(n, base_is_ten):
    out = []
    while n > 0:
        if base_is_ten:
            out.append(n % 10)
            n //= 10
        else:
            out.append(n % 7)
            n = n // 7
    return out


def nonneg_parts(n):
    if n >= 0:
        return (n // 1, n % 1, n // 3, n % 3, n // 1000003, n % 1000003,
                n // 4611686018427387903, n % 4611686018427387903)
    return (n // 1, n % 1, n // 3, n % 3, n // 1000003, n % 1000003)


def bounded(n):
    total = 0
    if 0 <= n < 100:
        total += n % 10 + n // 10 + (n % 10) % 3 + (n // 7) % 5
    return total


# `int(...)` makes each argument a proven int, so the callees are compiled
# for ints (values past the small range take the general path).
for v in [0, 1, 9, 10, 11, 99, 12345, 2**31, 2**53 + 7, 2**62 - 1, 4611686018427387903, 2**62, 2**64 + 5]:
    print(v, digits(int(v), True), digits(int(v), False), nonneg_parts(int(v)))
for v in [-1, -9, -10, -12345, -(2**62), -(2**62) - 1, -(2**70)]:
    print(v, digits(int(v), True), nonneg_parts(int(v)))
print([bounded(i) for i in range(-3, 104, 7)])
acc = 0
for i in range(200000):
    acc += i % 7 + i // 13
print(acc)

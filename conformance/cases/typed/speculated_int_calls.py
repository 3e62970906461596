# Calls whose arguments come from containers, where the compiler knows no
# types: the callee's arithmetic meets int literals, so such a call tests for
# small ints and takes the copy made for ints; every other value takes the
# generic function and must behave exactly as before.


def tri(i, j):
    return (i + j) * (i + j + 1) // 2 + i + 1


def weight(i, j):
    return 1.0 / tri(i, j)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def steps(n, limit):
    count = 0
    while n != 1 and count < limit:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        count += 1
    return count


pairs = [(3, 4), (0, 0), (-5, 2), (2**62, 2**62), (2**70, -(2**70)), (True, 2),
         (1.5, 2), (2, 0.25), (-(2**63), 1)]
for i, j in pairs:
    print(tri(i, j), weight(i, j))

for n in [10, 20, True, False, 2**64 + 1]:
    print(fib(n) if not isinstance(n, int) or n < 30 else steps(n, 1000))

for n, limit in [(27, 1000), (27, 10), (97, True), (2**80 + 1, 50), (7.0, 5)]:
    print(steps(n, limit))

table = [[1, 2], ["a", "b"]]
for row in table:
    try:
        print(tri(row[0], row[1]))
    except TypeError as e:
        print("TypeError:", e)
print(tri("x", "y"))

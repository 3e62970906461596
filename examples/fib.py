# An example for the README: recursion, big ints and floats.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print("fib(25) =", fib(25))
print("fib(200) =", fib_iter(200))
print("golden ratio ~", fib_iter(41) / fib_iter(40))

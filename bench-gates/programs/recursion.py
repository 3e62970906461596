# Recursion: naive Fibonacci, the Ackermann function for small arguments, and
# counting integer partitions by the recursive definition.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def partitions(n, largest):
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 33
    print(fib(n), ackermann(2, n * 8), partitions(n + 20, n + 20))


main()

# Generators: a pipeline of generator functions, yield from, generator
# expressions consumed by builtins, and early exit from an infinite generator.
import sys


def naturals():
    k = 0
    while True:
        yield k
        k += 1


def take(gen, n):
    for x in gen:
        if n == 0:
            return
        n -= 1
        yield x


def evens_then_odds(n):
    yield from range(0, n, 2)
    yield from range(1, n, 2)


def windows(xs, size):
    window = []
    for x in xs:
        window.append(x)
        if len(window) > size:
            window.pop(0)
        if len(window) == size:
            yield sum(window)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1700000
    squares = (x * x % 1009 for x in take(naturals(), n))
    total = sum(windows(squares, 4))
    mixed = sum(x for x in evens_then_odds(n) if x % 3 != 0)
    firsts = [x for x in take(evens_then_odds(n), 5)]
    longest = max(len(str(x)) for x in take(naturals(), n))
    print(total, mixed, firsts, longest, any(x > n for x in range(n)))


main()

# Closures and higher-order functions: counters with nonlocal state, adders
# made in a loop, function composition, and map/filter with lambdas.
import sys


def counter(start):
    count = start

    def bump(by):
        nonlocal count
        count += by
        return count

    return bump


def compose(f, g):
    return lambda x: f(g(x))


def make_adders(n):
    return [lambda x, k=k: x + k for k in range(n)]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2100000
    tick = counter(10)
    adders = make_adders(16)
    double_then_inc = compose(lambda x: x + 1, lambda x: x * 2)
    total = 0
    for i in range(n):
        total += adders[i % 16](i) - tick(i % 4)
        total += double_then_inc(i) % 7
    mapped = list(map(lambda x: x * 3 % 11, range(n)))
    kept = list(filter(lambda x: x > 5, mapped))
    print(total, tick(0), len(kept), sum(kept))


main()

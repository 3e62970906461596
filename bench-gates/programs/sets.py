# Sets: membership tests, unions, intersections and differences of integer and
# string sets, and set comprehensions.
import sys


def multiples(step, limit):
    return {k for k in range(0, limit, step)}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1650000
    threes = multiples(3, n)
    fives = multiples(5, n)
    sevens = multiples(7, n)
    both = threes & fives
    either = threes | sevens
    only = either - fives
    odd = threes ^ sevens
    hits = 0
    for i in range(n):
        if i in both or i in odd:
            hits += 1
    names = {"n" + str(i % 997) for i in range(n)}
    seen = set()
    repeats = 0
    for i in range(n):
        key = "n" + str(i * 31 % 1409)
        if key in seen:
            repeats += 1
        else:
            seen.add(key)
    common = names & seen
    print(len(both), len(either), len(only), len(odd), hits, repeats, len(common), max(only))


main()

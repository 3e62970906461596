# Prime sieve over a list of flags with slice assignment, then twin primes and
# prime gaps from the flags.
import sys


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    p = 2
    while p * p <= limit:
        if flags[p]:
            flags[p * p :: p] = [False] * ((limit - p * p) // p + 1)
        p += 1
    return flags


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 12000000
    flags = sieve(limit)
    primes = [i for i, f in enumerate(flags) if f]
    twins = 0
    widest = 0
    for i in range(1, len(primes)):
        gap = primes[i] - primes[i - 1]
        if gap == 2:
            twins += 1
        if gap > widest:
            widest = gap
    print(len(primes), twins, widest, primes[-1], sum(primes) % 1000000007)


main()

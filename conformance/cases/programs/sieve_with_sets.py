# sieve of Eratosthenes using sets, with set algebra on the result
def sieve(n):
    candidates = set(range(2, n + 1))
    p = 2
    while p * p <= n:
        if p in candidates:
            candidates -= set(range(p * p, n + 1, p))
        p += 1
    return candidates

primes = sieve(100)
print(primes)
print(len(primes), sum(primes), max(primes))
odds = set(range(1, 101, 2))
print(odds - primes == odds - {p for p in primes if p != 2})
twin = sorted([(p, p + 2) for p in primes if p + 2 in primes])
print(twin)
composites = set(range(2, 101)) - primes
print(len(composites), min(composites), max(composites))
big = sieve(1000)
print(len(big), sorted(big)[-5:])
print(primes & {x * x + 1 for x in range(10)})
gaps = [b - a for a, b in zip(sorted(big), sorted(big)[1:])]
print(max(gaps), gaps.count(2), gaps.count(max(gaps)))

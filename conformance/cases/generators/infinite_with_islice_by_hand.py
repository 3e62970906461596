def naturals():
    n = 0
    while True:
        yield n
        n += 1

def take(n, it):
    for _ in range(n):
        yield next(it)

def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(list(take(10, primes())))
evens = (n for n in naturals() if n % 2 == 0)
print(list(take(5, evens)))
g = naturals()
print(type(g).__name__, iter(g) is g)

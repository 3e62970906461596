caches = []

def memoize(fn):
    cache = {}
    caches.append(cache)
    def wrapper(*args):
        if args in cache:
            return cache[args]
        result = fn(*args)
        cache[args] = result
        return result
    return wrapper

calls = []

@memoize
def slow_fib(n):
    calls.append(n)
    if n < 2:
        return n
    return slow_fib(n - 1) + slow_fib(n - 2)

print(slow_fib(30))
print(len(calls))
print(slow_fib(30), len(calls))
print(sorted(caches[0])[:5])
print(len(caches[0]))

@memoize
def pair_sum(a, b):
    calls.append((a, b))
    return a + b
print(pair_sum(1, 2), pair_sum(1, 2), pair_sum(2, 1), len(caches), len(caches[1]))

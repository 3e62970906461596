def make_fact():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

f = make_fact()
print(f(10), f(20))

def memoize_fib():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib, cache

fib, cache = memoize_fib()
print(fib(80))
print(len(cache), cache[10])

def even_odd():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)
    def is_odd(n):
        return False if n == 0 else is_even(n - 1)
    return is_even, is_odd
e, o = even_odd()
print(e(10), o(7), e(3))

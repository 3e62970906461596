fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(15))
fib = lambda n: n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(12)])
gcd = lambda a, b: a if b == 0 else gcd(b, a % b)
print(gcd(84, 36), gcd(17, 5))
flatten = lambda xs: [y for x in xs for y in (flatten(x) if isinstance(x, list) else [x])]
print(flatten([1, [2, [3, [4]], 5], [[6]]]))

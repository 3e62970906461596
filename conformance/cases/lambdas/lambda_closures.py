def make_adder(n):
    return lambda x: x + n

adders = [make_adder(i) for i in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
bound = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in bound])

curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
step = curry(4)
print(step(5)(6), step(0)(0))

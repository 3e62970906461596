# Calls through function objects that leave parameters to their defaults:
# lambdas made in a loop, shared mutable defaults, None defaults, functions
# with many parameters, and too few arguments for the defaults there are.
adders = [lambda x, k=k: x + k for k in range(4)]
print([f(10) for f in adders], [f(10, 1) for f in adders])


def collect(item, into=[]):
    into.append(item)
    return into


calls = [collect, collect]
print(calls[0](1), calls[1](2), calls[0](3, []))


def many(a, b, c=3, d=4, e=5, f=6, g=7, h=8, i=9):
    return [a, b, c, d, e, f, g, h, i]


m = many
print(m(1, 2), m(1, 2, 30), m(*range(9)))


def maybe(x, y=None, z="z"):
    return (x, y, z)


fs = {"maybe": maybe}
print(fs["maybe"](1), fs["maybe"](1, 2), fs["maybe"](1, 2, 3))
for args in [(), (1, 2, 3, 4)]:
    try:
        fs["maybe"](*args)
    except TypeError as e:
        print("TypeError", e)
try:
    m(1)
except TypeError as e:
    print("TypeError", e)
print(list(map(lambda x, k=2: x * k, range(5))))

# Functions made in a comprehension or a generator expression: CPython names them
# without a `<locals>` part, unlike those made in a function.
def make():
    listed = [lambda: i for i in range(2)]
    generated = list(lambda: i for i in range(2))
    lazy = (lambda: i for i in range(2))
    keyed = {i: lambda: i for i in range(1)}
    return listed[0], generated[1], next(lazy), keyed[0], lambda: 0


for f in make():
    print(f.__qualname__, f.__name__, f())
print([g.__qualname__ for g in [lambda: 1 for _ in "a"]])

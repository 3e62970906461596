# A local named like a consuming builtin gets the generator object itself; the
# other builtins still consume theirs.
def outer():
    sorted = lambda g: type(g).__name__ + " " + str(next(g))
    return sorted(x for x in [5, 1]), sum(x for x in [5, 1]), list(x * x for x in range(3))


print(outer())


def inner_only():
    def tuple(g):
        return "mine: " + str(list(g))

    return tuple(x + 1 for x in range(2))


print(inner_only(), tuple(x for x in range(2)))

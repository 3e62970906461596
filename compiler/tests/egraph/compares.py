def f(x, y):
    if not (x < y):
        return 1
    if not (x - y < 0):
        return 2
    return 3


def g(x, y):
    return not (x != y)


def h(x, y):
    # In a value context `not` is a bool op on the truth word, so the unbox of
    # its box goes away; as a condition it only swaps the branch targets.
    return not (not (x < y))


print(f(1, 2), f(2, 1), g(0.5, 0.5), h(1, 2))

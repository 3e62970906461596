# xfail: a list comprehension or a generator expression consumed inline runs in
# no frame of its own, where CPython 3.11 counts one towards the recursion limit
import sys


def deepest(n):
    try:
        return deepest(n + 1)
    except RecursionError:
        return n


base = deepest(0)
print([deepest(0) - base for _ in range(3)])
print(sum(deepest(0) - base for _ in range(2)))
print({deepest(0) - base for _ in range(2)})
print({k: deepest(0) - base for k in range(1)})
g = (deepest(0) - base for _ in range(2))
print(next(g), next(g))

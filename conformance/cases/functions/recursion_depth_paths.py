# The recursion limit counted the same way on every path into a frame: direct
# self-calls, calls through function objects and methods, calls the runtime
# makes (key functions, dunders), generators, and a limit changed mid-recursion.
import sys


def deepest(n):
    try:
        return deepest(n + 1)
    except RecursionError:
        return n


def via_object(f, n):
    try:
        return f(f, n + 1)
    except RecursionError:
        return n


class Node:
    def down(self, n):
        try:
            return self.down(n + 1)
        except RecursionError:
            return n

    def __lt__(self, other):
        return nested_key(0) < 0


def nested_key(n):
    try:
        return nested_key(n + 1)
    except RecursionError:
        return -n


def sorted_depth(n):
    if n == 0:
        return sorted([3, 1, 2], key=lambda x: deepest(0))
    return sorted_depth(n - 1)


def gen_depth(n):
    yield deepest(0)
    yield via_object(via_object, 0)


def limited(level, changed):
    if level == 50 and not changed:
        # Relative: the harness that records CPython's outcome runs deeper.
        sys.setrecursionlimit(sys.getrecursionlimit() - 800)
        return limited(level, True)
    try:
        return limited(level + 1, changed)
    except RecursionError:
        return level


def with_int_math(n, acc):
    if n == 0:
        return acc
    return with_int_math(n - 1, acc + n)


base = deepest(0)
print(base)
print(via_object(via_object, 0) - base)
print(Node().down(0) - base)
print(sorted_depth(10))
print(list(gen_depth(0)))
print(with_int_math(900, 0))
try:
    with_int_math(1000, 0)
except RecursionError as e:
    print("RecursionError", e)
print(deepest(0) - base)
print(limited(0, False))
print(deepest(0))
sys.setrecursionlimit(sys.getrecursionlimit() + 800)
print(deepest(0) - base)
print(sorted([Node(), Node()]) is not None)

# A generator expression that sum, list, tuple, sorted, set or frozenset consumes
# runs inline, but still as a generator: PEP 479 turns a StopIteration its body
# raises into RuntimeError, while one from the first iterable's __iter__, a
# __hash__ or an __add__ (the consumer's own work) stays a StopIteration.
def f(xs):
    return tuple(x * 2 for x in xs if x), sorted(-x for x in xs), frozenset(x % 3 for x in xs)


print(f([3, 0, 1, 2]))
print(list(x + y for x in range(3) for y in range(x)))
print(set(str(x) for x in range(4)) == {"0", "1", "2", "3"})
print([f.__qualname__ for f in list(lambda: x for x in range(2))])
it = iter([1, 2])
try:
    print(tuple(next(it) for _ in range(3)))
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, type(e.__context__).__name__)


class Stopper:
    def __iter__(self):
        raise StopIteration("from iter")


try:
    list(x for x in Stopper())
except StopIteration as e:
    print("StopIteration", e)


class H:
    def __hash__(self):
        raise StopIteration("from hash")


try:
    set(h for h in [H()])
except StopIteration as e:
    print("hash StopIteration", e)


class A:
    def __add__(self, o):
        raise StopIteration("from add")

    __radd__ = __add__


try:
    sum(a for a in [A()])
except StopIteration as e:
    print("add StopIteration", e)
it = iter([1])
print(set(next(it) for _ in range(3)))

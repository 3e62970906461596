# Calling a method an object lacks raises AttributeError before anything else,
# whatever the arguments: none, constants of every kind, keywords, computed.
import math


class A:
    def f(self):
        return 1


class L(list):
    pass


def noisy():
    print("evaluated")
    return 0


objects = ["abc", [1], (1,), {1: 2}, {3}, frozenset(), b"x", A(), L(), math, None, 3, 2.5, True, range(3)]
calls = [
    lambda o: o.nosuch(),
    lambda o: o.nosuch(1),
    lambda o: o.nosuch(1, "a", None, 2.5, b"b", ...),
    lambda o: o.nosuch(k=None),
    lambda o: o.nosuch(1, k=2),
    lambda o: o.nosuch(noisy()),
    lambda o: o.nosuch(*[1, 2]),
]
for obj in objects:
    for call in calls:
        try:
            call(obj)
        except AttributeError as e:
            print("AttributeError", e)
print("x".upper(), [3, 1].index(1), "a,b".split(","), A().f(), math.floor(2.5))
"abc".nosuch(1, 2)

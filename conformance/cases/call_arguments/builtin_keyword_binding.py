# Builtins bind keywords as Argument Clinic does, with its messages.
tests = [
    lambda: round(x=1), lambda: round(1.5, 2, 3), lambda: sum([1], foo=1), lambda: sum(),
    lambda: sorted([1], foo=1), lambda: sorted(), lambda: sorted([1], [2]), lambda: int("1", foo=1),
    lambda: int("1", 10, 3), lambda: min([1], foo=1), lambda: print(foo=1), lambda: enumerate(foo=1),
    lambda: enumerate([1], 0, 1), lambda: enumerate([1], start=0, foo=1), lambda: zip(foo=1),
    lambda: zip(strict=True, foo=2), lambda: pow(1), lambda: pow(1, 2, 3, 4), lambda: pow(base=1, foo=2),
    lambda: str(1, 2, 3, 4), lambda: str(foo=1), lambda: round(number=1.5, ndigits=0, x=1),
    lambda: sum([1], start=1, x=2), lambda: sum(iterable=[1]), lambda: int(base=10),
    lambda: round(1.5, number=2), lambda: pow(2, exp=3, base=1),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
print(round(number=2.5), round(2.567, ndigits=2), pow(base=2, exp=10), pow(2, 10, mod=7), sum([1, 2], start=3))
print(int("ff", base=16), int(x="7") if False else 0, str(object=5), str(b"ab", encoding="ascii"), repr(str(encoding="utf-8")))

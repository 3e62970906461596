calls = [
    ("sorted cmp=", lambda: sorted([3, 1], cmp=None)),
    ("sorted positional key", lambda: sorted([3, 1], None)),
    ("print bogus=", lambda: print("a", bogus=1)),
    ("int extra kw", lambda: int("5", base=10, extra=1)),
    ("enumerate()", lambda: enumerate()),
    ("zip two kws", lambda: zip(strict=True, foo=2)),
    ("round()", lambda: round()),
    ("sum 3 args", lambda: sum([1], 2, 3)),
    ("len 2 args", lambda: len([1], [2])),
    ("isinstance 1 arg", lambda: isinstance(1)),
    ("list.append()", lambda: [].append()),
    ("max()", lambda: max()),
]
for label, fn in calls:
    try:
        fn()
        print(label, "-> no error")
    except TypeError as e:
        print(label, "->", e)
print(sorted([3, 1, 2], key=None, reverse=True), round(2.567, ndigits=1), sum([1, 2], start=10))

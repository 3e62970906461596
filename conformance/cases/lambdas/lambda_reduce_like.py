def fold(fn, items, init):
    acc = init
    for it in items:
        acc = fn(acc, it)
    return acc

print(fold(lambda a, b: a + b, [1, 2, 3, 4], 0))
print(fold(lambda a, b: a * b, range(1, 8), 1))
print(fold(lambda a, b: b + a, "abcd", ""))
print(fold(lambda d, w: {**d, w: d.get(w, 0) + 1}, "the cat the hat the".split(), {}))
print(fold(lambda a, b: max(a, b), [3, 9, 2], -1))

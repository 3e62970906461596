# comprehensions over enumerate(X) with two targets: filters, nesting, dict and
# set comprehensions, repeated and nested targets, captured variables, errors
flags = [True, False, True, True]
print([i for i, f in enumerate(flags) if f])
print({x: i for i, x in enumerate("abca")})
print([(i, j, c) for i, s in enumerate(["ab", "c"]) for j, c in enumerate(s)])
print([x for x, x in enumerate("xy")])
print({i * 2 for [i, v] in enumerate(range(5)) if v % 2})
print([i for i, (a, b) in enumerate([(1, 2), (3, 4)]) if a < b])
def f():
    data = [5, 6]
    fs = [lambda: i + x for i, x in enumerate(data)]
    return [g() for g in fs]
print(f())
try:
    print([i for i, v in enumerate(3)])
except TypeError as e:
    print(e)
enumerate_ = 1
print(list(enumerate("ab")))
print([p for p in enumerate("ab")])

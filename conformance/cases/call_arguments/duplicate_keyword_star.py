def f(a, b):
    return (a, b)

print(f(*[1], **{"b": 2}))
try:
    f(1, **{"a": 2, "b": 3})
except TypeError as e:
    print(e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
try:
    f(*[1, 2, 3])
except TypeError as e:
    print(e)
try:
    f(**{"a": 1, "b": 2, "c": 3})
except TypeError as e:
    print(e)

def f(a, b, c):
    return a + b + c

for call in [lambda: f(1), lambda: f(1, 2), lambda: f(), lambda: f(1, c=3)]:
    try:
        call()
    except TypeError as e:
        print(e)

def g(x, y=1, *, z, w):
    return x
try:
    g(1)
except TypeError as e:
    print(e)
try:
    g(1, w=2)
except TypeError as e:
    print(e)

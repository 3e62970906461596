f = lambda a, b: a + b
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
try:
    f(1, c=2)
except TypeError as e:
    print(e)
g = lambda: 0
try:
    g(1)
except TypeError as e:
    print(e)
h = lambda *, k: k
try:
    h()
except TypeError as e:
    print(e)
print(f(b=1, a=2), h(k="ok"))

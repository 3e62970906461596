def f(a, b=2):
    return a + b

try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
try:
    f(1, c=3)
except TypeError as e:
    print(e)
try:
    f(1, a=1)
except TypeError as e:
    print(e)

def none():
    return 0
try:
    none(1)
except TypeError as e:
    print(e)

def kwonly(a, *, b):
    return a
try:
    kwonly(1, 2)
except TypeError as e:
    print(e)
try:
    kwonly(1, 2, 3, b=4)
except TypeError as e:
    print(e)

def inner():
    yield 1
    raise StopIteration("oops")

try:
    for x in inner():
        print(x)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))

def uses_next(it):
    while True:
        yield next(it)

try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError as e:
    print(e)

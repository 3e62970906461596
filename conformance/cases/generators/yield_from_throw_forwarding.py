def inner():
    while True:
        try:
            x = yield "ready"
            print("inner got", x)
        except KeyError as e:
            print("inner handled", repr(e))
        except IndexError:
            print("inner finishing")
            return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "after"

g = outer()
print(next(g))
print(g.send(1))
print(g.throw(KeyError("a")))
print(g.throw(KeyError("b")))
print(g.throw(IndexError()))
try:
    g.throw(ValueError("escapes"))
except ValueError as e:
    print("escaped", e)
def listing():
    yield from [1, 2]
    return 5
h = listing()
print(next(h), next(h))
try:
    next(h)
except StopIteration as e:
    print("value", e.value)

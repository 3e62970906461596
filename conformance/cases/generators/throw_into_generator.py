def worker():
    while True:
        try:
            x = yield
            print("work", x)
        except ValueError as e:
            print("handled", e)

w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad input"))
w.send(2)
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("escaped", repr(e))
print(w.send.__name__ if False else "done")
def fresh():
    yield 1
f = fresh()
try:
    f.throw(IndexError("before start"))
except IndexError as e:
    print("raised", e)
print(list(f))

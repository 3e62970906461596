class A:
    pass
class B:
    def __repr__(self):
        return "B()"

a = A()
for label, fn in [
    ("add", lambda: a + 1),
    ("sub", lambda: 1 - a),
    ("mul", lambda: a * B()),
    ("neg", lambda: -a),
    ("abs", lambda: abs(a)),
    ("lt", lambda: a < B()),
    ("len", lambda: len(a)),
    ("iter", lambda: list(a)),
    ("index", lambda: a[0]),
    ("call", lambda: a()),
    ("contains", lambda: 1 in a),
]:
    try:
        fn()
    except TypeError as e:
        print(label, "->", e)
print(a == B(), a != B())
B() + a

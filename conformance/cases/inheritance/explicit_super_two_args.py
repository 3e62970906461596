class A:
    def name(self):
        return "A"

class B(A):
    def name(self):
        return "B>" + super().name()

class C(B):
    def name(self):
        return "C>" + super().name()
    def skip_b(self):
        return super(B, self).name()

c = C()
print(c.name(), c.skip_b())
print(super(C, c).name(), hasattr(super(A, c), "name"), hasattr(super(B, c), "name"))

class Unrelated:
    pass

for label, fn in [
    ("not an instance", lambda: super(Unrelated, c).name()),
    ("int type", lambda: super(int, c).name()),
    ("first arg not a type", lambda: super(c, c).name()),
]:
    try:
        fn()
    except TypeError as e:
        print(label, "->", e)

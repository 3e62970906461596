# Attribute sites remember what they found for the classes they saw: every way a
# remembered answer can stop being true must be seen at the same site.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def read_x(p):
    return p.x


def call_norm(p):
    return p.norm1()


def set_x(p, v):
    p.x = v


p = Point(3, -4)
for _ in range(3):
    print(read_x(p), call_norm(p))

# An instance attribute shadows the method from now on, at the same site; first
# for a name instances of the class already had, then for a new one.
q = Point(0, 0)
q.norm1 = lambda: "q's own"
print(call_norm(q), call_norm(p))
p.norm1 = lambda: "shadowed"
print(call_norm(p))
del p.norm1, q.norm1
print(call_norm(q))
Point.other = Point.norm1
print(p.other())
p.other = lambda: "shadowed other"
print(p.other())
del p.other
print(p.other())
p.norm1 = lambda: "shadowed"
print(call_norm(p))
del p.norm1
print(call_norm(p))

# The class's method is replaced, then deleted: the check before the call's
# arguments raises.
Point.norm1 = lambda self: "replaced"
print(call_norm(p))
saved = Point.norm1
del Point.norm1
try:
    call_norm(p)
except AttributeError as e:
    print("AttributeError:", e)
Point.norm1 = saved

# The class gains a property of the name the sites read and write.
set_x(p, 10)
print(read_x(p))
Point.x = property(lambda self: "from property", lambda self, v: print("setter got", v))
print(read_x(p))
set_x(p, 11)
del Point.x
print(read_x(p))

# A deleted attribute is missing, then `__getattr__` answers.
del p.x
try:
    read_x(p)
except AttributeError as e:
    print("AttributeError:", e)
Point.__getattr__ = lambda self, name: "fallback " + name
print(read_x(p))
del Point.__getattr__


# One site sees many classes (more than a cache keeps), in turn and again.
class Base:
    def __init__(self, tag):
        self.tag = tag

    def who(self):
        return "base " + str(self.tag)


def make(i):
    def who(self):
        return "sub%d %s" % (i, self.tag)

    def init(self, tag):
        self.first = i
        Base.__init__(self, tag)

    return type_of(i, who, init)


def type_of(i, who, init):
    if i % 2:
        class Odd(Base):
            pass
        Odd.who = who
        Odd.__init__ = init
        return Odd
    class Even(Base):
        pass
    return Even


objects = [Base(0)] + [make(i)(i) for i in range(1, 8)]
for round_ in range(3):
    print([o.who() for o in objects])
    print([o.tag for o in objects])
    for o in objects:
        o.tag = o.tag + 1


# Names set through setattr() with computed names, and more names than a layout keeps.
class Bag:
    pass


b = Bag()
for i in range(80):
    setattr(b, "a" + str(i), i)
print(b.a0, b.a63, b.a64, b.a79, getattr(b, "a" + "70"))
b.keys = lambda: "instance keys"
print(b.keys())
del b.a79
print(hasattr(b, "a79"), hasattr(b, "a78"))


class WithSlots:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


def set_attr(o, name, v):
    setattr(o, name, v)


w = WithSlots()
set_attr(w, "a", 2)
print(w.a)
try:
    set_attr(w, "b", 3)
except AttributeError as e:
    print("AttributeError:", e)


class Failure(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code

    def describe(self):
        return "failure %d" % self.code


for code in (1, 2):
    f = Failure(code)
    print(read_code := f.code, f.describe(), f.args)


# Method sites on builtin containers and strs: several kinds at one site, a
# name one kind lacks, and a list subclass whose method goes away.
def count_of(seq, x):
    return seq.count(x)


for seq in ([1, 2, 1], (1, 1, 1), "a1b1", [1], b"11"):
    try:
        print(count_of(seq, 1 if not isinstance(seq, (str, bytes)) else "1"))
    except TypeError as e:
        print("TypeError:", e)
for obj in ({1: 2}, {1, 2}, "s"):
    try:
        print(count_of(obj, 1))
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)


class Stack(list):
    def top(self, note):
        return self[-1]


def noisy():
    print("argument evaluated")


def top_of(s):
    # A missing method raises before the arguments are evaluated.
    return s.top(noisy())


st = Stack([1, 2, 3])
print(top_of(st), top_of(st))
del Stack.top
try:
    top_of(st)
except AttributeError as e:
    print("AttributeError:", e)

# Reaching the methods of the builtin bases, object and the exceptions: through
# super() and by naming the base (Base.__init__(self, ...)).
class Plain:
    def __repr__(self):
        return "Plain!"


class Child(Plain):
    def __str__(self):
        return "child/" + super().__str__()


class Tagged(Exception):
    def __str__(self):
        return "tagged: " + super().__str__()

    def __repr__(self):
        return "<" + super().__repr__() + ">"


class Coded(Exception):
    def __init__(self, message, code):
        Exception.__init__(self, message)
        self.code = code


class Checked(ValueError):
    def __init__(self, value):
        ValueError.__init__(self, f"bad value {value!r}")
        self.value = value

    def __str__(self):
        return "[" + Exception.__str__(self) + "]"


class Point:
    def __init__(self, x, y):
        object.__init__(self)
        self.x, self.y = x, y

    def __eq__(self, other):
        if isinstance(other, Point):
            return (self.x, self.y) == (other.x, other.y)
        return object.__eq__(self, other)

    def __hash__(self):
        return hash((self.x, self.y))


class NoInit:
    pass


class WithInit(NoInit):
    def __init__(self):
        NoInit.__init__(self)
        self.ready = True


print(Child(), str(Child()), repr(Child()))
t = Tagged("boom", 2)
print(t, repr(t), t.args)
c = Coded("disk full", 28)
print(c, c.code, c.args, repr(c))
try:
    raise Checked(-1)
except ValueError as e:
    print(e, e.value, e.args)
print(Point(1, 2) == Point(1, 2), Point(1, 2) == (1, 2), Point(1, 2) != "x")
print(object.__eq__(3, 3), object.__eq__(Point(0, 0), 3), WithInit().ready)
print(object.__repr__(Plain()).startswith("<__main__.Plain object at 0x"))
try:
    object.__init__()
except TypeError as e:
    print(e)
raise Coded("uncaught", 1)

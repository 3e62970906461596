# Docstrings, and attributes that programs read and set on functions.
def documented(a, b=2, *, c=3):
    """Adds things.

    Returns the sum."""
    return a + b + c


def plain():
    return None


class Shape:
    """A shape."""

    def area(self):
        "The area."
        return 0


class Square(Shape):
    pass


print(documented.__doc__)
print(plain.__doc__, Shape.__doc__, Square.__doc__, Shape.area.__doc__, Shape().area.__doc__)
print(documented.__name__, documented.__qualname__, documented.__module__, Shape.area.__qualname__)
print(documented.__defaults__, documented.__kwdefaults__, plain.__defaults__, plain.__kwdefaults__)


def counted(func):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    wrapper.__wrapped__ = func
    return wrapper


@counted
def square(x):
    """Squares x."""
    return x * x


print(square(3), square(4), square.calls, square.__name__, square.__doc__)
print(square.__wrapped__(5), square.calls, sorted(square.__dict__))
s = Shape()
print(s.area.__self__ is s, s.area.__func__ is Shape.area, s.area.__name__)
e = ValueError("with extra")
e.detail = {"line": 3}
print(e.detail, e)
try:
    print(plain.missing)
except AttributeError as err:
    print(err)

class Shape:
    sides = 0
    registry = []

    @classmethod
    def create(cls, *args):
        obj = cls(*args)
        Shape.registry.append(type(obj).__name__)
        return obj

    @classmethod
    def describe(cls):
        return f"{cls.__name__} with {cls.sides} sides"

    def __init__(self, size=1):
        self.size = size

class Triangle(Shape):
    sides = 3

class Square(Shape):
    sides = 4
    @classmethod
    def describe(cls):
        return "square! " + super().describe()

t = Triangle.create(5)
s = Square.create()
print(type(t).__name__, t.size, s.size)
print(Shape.describe(), Triangle.describe(), Square.describe(), s.describe())
print(Shape.registry)

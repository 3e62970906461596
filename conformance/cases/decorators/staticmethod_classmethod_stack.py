def twice(fn):
    def wrapper(*args):
        return fn(*args) * 2
    return wrapper

class Shapes:
    unit = 5

    @staticmethod
    @twice
    def square(n):
        return n * n

    @classmethod
    def scaled(cls, n):
        return cls.unit * n

class Bigger(Shapes):
    unit = 100

print(Shapes.square(3), Shapes().square(4))
print(Shapes.scaled(2), Bigger.scaled(2), Bigger().scaled(3))

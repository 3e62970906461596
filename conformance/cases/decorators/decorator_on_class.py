def add_describe(cls):
    def describe(self):
        return f"{type(self).__name__} size={self.size()}"
    cls.describe = describe
    cls.decorated = True
    return cls

@add_describe
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def size(self):
        return abs(self.x) + abs(self.y)

p = Point(1, -2)
print(p.describe())
print(Point.decorated, hasattr(p, "describe"))

instances = []
def track(cls):
    instances.append(cls.__name__)
    return cls

@track
@add_describe
class Box:
    def size(self):
        return 9
print(instances, Box().describe())

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Point) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"

d = {Point(1, 2): "a", Point(3, 4): "b"}
print(d[Point(1, 2)], Point(3, 4) in d, Point(5, 5) in d)
d[Point(1, 2)] = "z"
print(len(d), d[Point(1, 2)])
s = {Point(0, 0), Point(0, 0), Point(1, 1)}
print(len(s), Point(1, 1) in s)
print(sorted([repr(p) for p in s]))
print(hash(Point(2, 3)) == hash(Point(2, 3)))

class Bad:
    def __eq__(self, o):
        return True
try:
    d[Bad()] = 1
except TypeError as e:
    print(e)

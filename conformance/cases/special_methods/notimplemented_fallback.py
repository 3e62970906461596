class Meters:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"{self.v}m"
    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, int):
            return Meters(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd called with", other)
        if isinstance(other, int):
            return Meters(self.v + other)
        return NotImplemented

m = Meters(5)
print(m + Meters(2), m + 3, 4 + m)
print(sum([Meters(1), Meters(2), Meters(3)]))
try:
    m + "x"
except TypeError as e:
    print(e)
try:
    "x" + m
except TypeError as e:
    print(e)
try:
    m - m
except TypeError as e:
    print(e)

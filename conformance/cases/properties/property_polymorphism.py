class Shape:
    @property
    def name(self):
        return type(self).__name__.lower()
    @property
    def area(self):
        return 0
    def __repr__(self):
        return f"<{self.name} area={self.area}>"

class Sq(Shape):
    def __init__(self, s):
        self.s = s
    @property
    def area(self):
        return self.s * self.s

class Rc(Sq):
    def __init__(self, s, t):
        super().__init__(s)
        self.t = t
    @property
    def area(self):
        return self.s * self.t

shapes = [Shape(), Sq(3), Rc(2, 5)]
print(shapes)
print(sorted(shapes, key=lambda s: -s.area))
print(sum([s.area for s in shapes]))

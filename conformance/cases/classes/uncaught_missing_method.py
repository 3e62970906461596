class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0

class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side
    def area(self):
        return self.side ** 2

shapes = [Shape("blob"), Square(3)]
for s in shapes:
    print(s.name, s.area())
print(shapes[1].perimeter())

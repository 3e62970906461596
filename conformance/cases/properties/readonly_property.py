class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return 3 * self.r * self.r

c = Circle(2)
print(c.area)
c.r = 5
print(c.area)
try:
    c.area = 10
except AttributeError as e:
    print(e)
try:
    del c.area
except AttributeError as e:
    print(e)
print(c.area, hasattr(c, "area"))
c.area = 1

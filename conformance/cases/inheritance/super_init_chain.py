class Base:
    def __init__(self, x):
        print("Base.__init__", x)
        self.x = x

class Middle(Base):
    def __init__(self, x, y):
        print("Middle.__init__", y)
        super().__init__(x)
        self.y = y

class Leaf(Middle):
    def __init__(self):
        print("Leaf.__init__")
        super().__init__(1, 2)
        self.z = 3

l = Leaf()
print(l.x, l.y, l.z)

class NoInit(Middle):
    pass
n = NoInit(7, 8)
print(n.x, n.y, type(n).__name__)

def logged(label):
    def deco(fn):
        def wrapper(self, *args):
            result = fn(self, *args)
            self.history.append(f"{label}{args} -> {result}")
            return result
        return wrapper
    return deco

class Calc:
    def __init__(self):
        self.history = []

    @logged("add")
    def add(self, a, b):
        return a + b

    @logged("neg")
    def neg(self, a):
        return -a

c = Calc()
c.add(2, 3)
c.neg(4)
c.add(c.neg(1), 10)
for h in c.history:
    print(h)
d = Calc()
print(d.history, len(c.history))

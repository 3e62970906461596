class Temp:
    to_f = lambda self: self.c * 9 / 5 + 32
    describe = lambda self, unit="C": f"{self.c}{unit}"
    scale = 2

    def __init__(self, c):
        self.c = c

t = Temp(100)
print(t.to_f(), t.describe(), t.describe("deg"))
Temp.double = lambda self: self.c * self.scale
print(t.double(), Temp(7).double())
t.plain = lambda v: v + 1
print(t.plain(41))

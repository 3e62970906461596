class Base:
    def __init__(self):
        self._v = 1
    @property
    def value(self):
        return self._v
    @value.setter
    def value(self, v):
        self._v = v
    @property
    def kind(self):
        return "base"

class Doubled(Base):
    @property
    def value(self):
        return self._v * 2

class Named(Base):
    @property
    def kind(self):
        return "named/" + super().kind

b, d, n = Base(), Doubled(), Named()
b.value = 5
n.value = 7
print(b.value, d.value, n.value, n.kind, d.kind)
try:
    d.value = 10
except AttributeError as e:
    print(e)
print(d.value)

class Bag:
    def __init__(self, items=None):
        self.items = list(items or [])
    def __iadd__(self, other):
        self.items.extend(other)
        return self
    def __add__(self, other):
        return Bag(self.items + list(other))
    def __repr__(self):
        return f"Bag({self.items})"

b = Bag([1])
alias = b
b += [2, 3]
print(b, alias, b is alias)
c = b + [4]
print(c, b, c is b)

class NoIadd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoIadd(self.v + o)
n = NoIadd(1)
keep = n
n += 5
print(n.v, keep.v, n is keep)
class Frozen:
    pass
f = Frozen()
try:
    f += 1
except TypeError as e:
    print(e)

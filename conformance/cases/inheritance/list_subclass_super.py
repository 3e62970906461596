class Loud(list):
    def __init__(self, items):
        super().__init__(items)

    def append(self, x):
        print("Loud.append", x)
        super().append(x * 10)

    def pop(self, *args):
        v = super().pop(*args)
        print("popped", v)
        return v


def add_all(target, items):
    for x in items:
        target.append(x)
    return target


l = Loud("ab")
print(l, type(l).__name__)
add_all(l, range(2))
print(l, l.pop(), l.pop(0), l, len(l))
try:
    super(Loud, l).__init__(1, 2)
except TypeError as e:
    print(e)
super(Loud, l).__init__()
print(l)

class L:
    def __init__(self, name):
        self.name = name
    def __add__(self, o):
        print(f"L.__add__({self.name}, {o.name})")
        return NotImplemented
    def __mul__(self, o):
        return f"L*{o}"

class R:
    def __init__(self, name):
        self.name = name
    def __radd__(self, o):
        return f"R.__radd__({self.name}, {o.name})"
    def __rmul__(self, o):
        return f"{o}*R"

print(L("a") + R("b"))
print(L("a") * 3, 3 * R("r"), "s" * 2)
try:
    R("x") + L("y")
except TypeError as e:
    print(e)
try:
    L("p") + L("q")
except TypeError as e:
    print(e)

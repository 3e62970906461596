class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self, other, punct="!"):
        return f"{self.name} greets {other}{punct}"

g = Greeter("A")
print(g.greet("B"))
print(g.greet(other="C", punct="?"))
print(Greeter.greet(g, "D"))
try:
    g.greet()
except TypeError as e:
    print(e)
try:
    g.greet("x", "y", "z")
except TypeError as e:
    print(e)
try:
    Greeter()
except TypeError as e:
    print(e)
try:
    Greeter("a", "b")
except TypeError as e:
    print(e)
try:
    g.greet("x", mood="happy")
except TypeError as e:
    print(e)

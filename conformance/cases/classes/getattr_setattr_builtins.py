class Bag:
    color = "red"
    def __init__(self):
        self.size = 3

b = Bag()
print(getattr(b, "size"), getattr(b, "color"), getattr(b, "weight", "n/a"))
setattr(b, "weight", 12)
print(b.weight, hasattr(b, "weight"), hasattr(b, "height"))
delattr(b, "weight")
print(hasattr(b, "weight"))
for name in ["size", "color", "volume"]:
    print(name, getattr(b, name, None))
try:
    getattr(b, "volume")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(b, "volume")
except AttributeError as e:
    print("AttributeError:", e)
setattr(Bag, "color", "blue")
print(b.color, Bag().color)
try:
    getattr(b, 5)
except TypeError as e:
    print("TypeError:", e)

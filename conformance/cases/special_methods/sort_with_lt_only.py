class Item:
    def __init__(self, name, weight):
        self.name, self.weight = name, weight
    def __lt__(self, other):
        return self.weight < other.weight
    def __repr__(self):
        return f"{self.name}:{self.weight}"

items = [Item("a", 5), Item("b", 1), Item("c", 3), Item("d", 1), Item("e", 9), Item("f", 3)]
print(sorted(items))
print(sorted(items, reverse=True))
print(min(items), max(items))
items.sort()
print(items)
print(sorted(items, key=lambda i: i.name, reverse=True))
try:
    sorted([Item("x", 1), 5])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([Item("x", 1), Item("y", "heavy")])
except TypeError as e:
    print("TypeError:", e)

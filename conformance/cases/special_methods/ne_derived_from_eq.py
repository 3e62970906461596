class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __eq__(self, other):
        print("eq called")
        if not isinstance(other, Card):
            return NotImplemented
        return self.rank == other.rank and self.suit == other.suit

a = Card(10, "h")
b = Card(10, "h")
c = Card(2, "s")
print(a != b)
print(a != c)
print(a == 10, a != 10)
print([a, c].index(b) if b in [a, c] else -1)
try:
    hash(a)
except TypeError as e:
    print(e)
try:
    {a}
except TypeError as e:
    print(e)
print(a.__hash__)

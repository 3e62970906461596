class Bank:
    def __init__(self, rate):
        self.rate = rate

    def make_interest(self):
        rate = self.rate
        def apply(amount):
            return amount + amount * rate // 100
        return apply

    def make_live(self):
        def apply(amount):
            return amount + amount * self.rate // 100
        return apply

b = Bank(10)
frozen = b.make_interest()
live = b.make_live()
print(frozen(1000), live(1000))
b.rate = 50
print(frozen(1000), live(1000))

def make_class_counter():
    hits = 0
    class C:
        def hit(self):
            nonlocal hits
            hits += 1
            return hits
    return C
C = make_class_counter()
x, y = C(), C()
print(x.hit(), y.hit(), x.hit())

class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class Wallet:
    def __init__(self, amount):
        self.amount = amount
    def pay(self, n):
        if n > self.amount:
            raise InsufficientFunds(n, self.amount)
        self.amount -= n
        return self.amount

w = Wallet(50)
for price in [20, 40, 30, 5]:
    try:
        left = w.pay(price)
        print(f"paid {price}, left {left}")
    except InsufficientFunds as e:
        print(f"declined: {e} (short by {e.needed - e.available})")
print(w.amount)

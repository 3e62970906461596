class Account:
    def __init__(self):
        self._balance = 0
        self.log = []

    @property
    def balance(self):
        self.log.append("read")
        return self._balance

    @balance.setter
    def balance(self, v):
        self.log.append(f"write {v}")
        self._balance = v

a = Account()
a.balance = 10
a.balance += 5
a.balance = a.balance * 2
print(a.balance)
print(a.log)

class Logger:
    def log(self, msg):
        return f"[base] {msg}"

class TimestampLogger(Logger):
    def log(self, msg):
        return super().log(f"t=0 {msg}")

class UpperLogger(TimestampLogger):
    def log(self, msg):
        return super().log(msg.upper())

print(UpperLogger().log("hello"))
print(TimestampLogger().log("x"))

class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, n):
        if n > self.balance:
            return "insufficient"
        self.balance -= n
        return self.balance

class Overdraft(Account):
    def withdraw(self, n):
        if n > self.balance + 50:
            return "limit"
        self.balance -= n
        return self.balance

class Audited(Overdraft):
    def withdraw(self, n):
        r = super().withdraw(n)
        return f"audit:{r}"

a = Audited(30)
print(a.withdraw(20), a.withdraw(40), a.withdraw(100))

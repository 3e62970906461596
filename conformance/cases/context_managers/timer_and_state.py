class Indent:
    level = 0
    def __enter__(self):
        Indent.level += 1
        return self
    def __exit__(self, et, ev, tb):
        Indent.level -= 1
    def say(self, text):
        print("  " * Indent.level + text)

with Indent() as a:
    a.say("one")
    with Indent() as b:
        b.say("two")
        with Indent() as c:
            c.say("three")
    a.say("back to one")
print(Indent.level)

class Transaction:
    def __init__(self, account):
        self.account = account
    def __enter__(self):
        self.saved = dict(self.account)
        return self.account
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.account.clear()
            self.account.update(self.saved)
            print("rolled back:", ev)
            return True

acct = {"balance": 100}
with Transaction(acct) as t:
    t["balance"] -= 30
print(acct)
with Transaction(acct) as t:
    t["balance"] -= 500
    if t["balance"] < 0:
        raise ValueError("overdrawn")
print(acct)

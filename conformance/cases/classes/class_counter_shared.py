class Ticket:
    issued = 0

    def __init__(self, owner):
        Ticket.issued += 1
        self.number = Ticket.issued
        self.owner = owner

    def __repr__(self):
        return f"Ticket(#{self.number}, {self.owner!r})"

    @classmethod
    def count(cls):
        return cls.issued

    @staticmethod
    def validate(n):
        return 0 < n <= Ticket.issued

ts = [Ticket(n) for n in ["ann", "bob", "cy"]]
print(ts)
print(Ticket.count(), ts[0].count(), Ticket.validate(2), Ticket.validate(9))
print(ts[1].validate(3))

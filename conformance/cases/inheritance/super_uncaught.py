class Base:
    def process(self, data):
        if not data:
            raise ValueError("empty data in " + type(self).__name__)
        return len(data)

class Child(Base):
    def process(self, data):
        print("child processing", data)
        return super().process(data) * 10

c = Child()
print(c.process([1, 2]))
try:
    c.process([])
except ValueError as e:
    print("caught", e)
c.process("")

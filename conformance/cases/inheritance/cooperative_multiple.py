calls = []

class Base:
    def __init__(self, **kw):
        calls.append("Base")
        self.extra = sorted(kw)

class Named(Base):
    def __init__(self, name=None, **kw):
        calls.append("Named")
        self.name = name
        super().__init__(**kw)

class Aged(Base):
    def __init__(self, age=0, **kw):
        calls.append("Aged")
        self.age = age
        super().__init__(**kw)

class Person(Named, Aged):
    def __init__(self, **kw):
        calls.append("Person")
        super().__init__(**kw)

p = Person(name="ann", age=30, city="Oslo")
print(calls)
print(p.name, p.age, p.extra)
print([c.__name__ for c in Person.__mro__])

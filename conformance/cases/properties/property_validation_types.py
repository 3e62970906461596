class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, v):
        if not isinstance(v, str):
            raise TypeError(f"name must be str, not {type(v).__name__}")
        self._name = v.strip().title()

    @property
    def age(self):
        return self._age

    @age.setter
    def age(self, v):
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError("age must be an int")
        if v < 0:
            raise ValueError("age must be non-negative")
        self._age = v

p = Person("  ada lovelace ", 36)
print(repr(p.name), p.age)
for attr, val in [("name", 5), ("age", "old"), ("age", -1), ("age", True), ("name", "grace")]:
    try:
        setattr(p, attr, val)
        print("set", attr, getattr(p, attr))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
Person("x", 3.5)

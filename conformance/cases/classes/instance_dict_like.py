class Record:
    def __init__(self, **fields):
        for k, v in fields.items():
            setattr(self, k, v)
        self.keys = sorted(fields)

    def as_tuple(self):
        return tuple([getattr(self, k) for k in self.keys])

    def update(self, **changes):
        for k, v in changes.items():
            if not hasattr(self, k):
                raise AttributeError(f"Record has no field {k!r}")
            setattr(self, k, v)

r = Record(name="ann", age=30, city="Oslo")
print(r.as_tuple(), r.name)
r.update(age=31)
print(r.as_tuple())
try:
    r.update(zip="0150")
except AttributeError as e:
    print(e)
print(r.keys)

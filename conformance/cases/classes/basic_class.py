class Counter:
    def __init__(self, start=0):
        self.value = start

    def inc(self, by=1):
        self.value += by
        return self

    def get(self):
        return self.value

c = Counter()
c.inc().inc(5).inc()
print(c.get(), c.value)
d = Counter(100)
print(d.inc(-1).get(), c.get())
print(type(c).__name__, isinstance(c, Counter))
print(Counter.inc(d, 10).value)

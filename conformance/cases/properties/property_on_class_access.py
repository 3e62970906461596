class Thing:
    @property
    def p(self):
        return "instance value"

print(type(Thing.p).__name__)
t = Thing()
print(t.p)
Thing.p = 42
print(t.p, Thing.p)

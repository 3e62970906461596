class Thing:
    kind = "thing"
    def __init__(self):
        self.name = "t1"

t = Thing()
try:
    t.missing
except AttributeError as e:
    print(e)
try:
    Thing.nothing
except AttributeError as e:
    print(e)
try:
    t.method()
except AttributeError as e:
    print(e)
try:
    del t.absent
except AttributeError as e:
    print(e)
try:
    (5).foo
except AttributeError as e:
    print(e)
try:
    "abc".nope()
except AttributeError as e:
    print(e)
print(t.name, t.kind)
t.undefined_attr

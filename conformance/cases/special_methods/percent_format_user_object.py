class Temp:
    def __init__(self, deg):
        self.deg = deg
    def __str__(self):
        return f"{self.deg} degrees"
    def __repr__(self):
        return f"Temp({self.deg})"

t = Temp(21)
print("now: %s" % t)
print("repr: %r" % t)
print("tuple: %s / %r" % (t, t))
print("padded: [%12s]" % t)
print("dict: %(x)s" % {"x": t})
try:
    print("%s %s" % t)
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % t)
except TypeError as e:
    print("TypeError:", e)
print("no placeholders" % ())

class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        total = 0
        for c in self.coeffs:
            total = total * x + c
        return total

p = Polynomial(1, 0, -1)
print(p(0), p(2), p(-3), callable(p), callable(5))
print(list(map(p, range(4))))

class Defaults:
    known = 1
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return name[4:].upper()
        raise AttributeError(f"no option {name!r}")

d = Defaults()
d.real = "set"
print(d.known, d.real, d.opt_color, getattr(d, "opt_size"))
print(hasattr(d, "opt_x"), hasattr(d, "other"), getattr(d, "other", "dflt"))
try:
    d.missing
except AttributeError as e:
    print(e)

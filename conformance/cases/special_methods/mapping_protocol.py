# Objects with keys() and __getitem__ are mappings for dict(), update, {**m} and f(**m).
class Env:
    def __init__(self, **kw): self._d = kw
    def keys(self): return self._d.keys()
    def __getitem__(self, k): return self._d[k]
e = Env(a=1, b=2)
def f(a, b): return a - b
print(dict(e))
d = {"z": 0}; d.update(e); print(d)
print({**e, "c": 3})
print(f(**e))
class NoKeys:
    def __getitem__(self, k): return 1
try:
    f(**NoKeys())
except TypeError as err:
    print(err)
try:
    print({**NoKeys()})
except TypeError as err:
    print(err)
class BadKeys:
    def keys(self): return [1]
    def __getitem__(self, k): return k
try:
    f(**BadKeys())
except TypeError as err:
    print(err)
print(dict(BadKeys()))

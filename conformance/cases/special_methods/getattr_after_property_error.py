class Lazy:
    def __init__(self):
        self.loaded = {}

    @property
    def config(self):
        if "config" not in self.loaded:
            raise AttributeError("config not loaded yet")
        return self.loaded["config"]

    def __getattr__(self, name):
        return f"<fallback for {name}>"

lz = Lazy()
print(lz.config)
print(lz.anything)
lz.loaded["config"] = "real config"
print(lz.config)

class Strict:
    @property
    def value(self):
        raise AttributeError("value is unavailable")

    def __getattr__(self, name):
        raise AttributeError(f"Strict has no {name!r} (via __getattr__)")

s = Strict()
print(hasattr(s, "value"), getattr(s, "value", "default"))
try:
    s.value
except AttributeError as e:
    print(e)

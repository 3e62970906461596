class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = []
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught.append(f"{exc_type.__name__}: {exc}")
            return True
        return False

s = Suppress(KeyError, ZeroDivisionError)
with s:
    {}["missing"]
with s:
    1 / 0
print(s.caught)
try:
    with s:
        int("x")
except ValueError as e:
    print("not suppressed:", e)
print(len(s.caught))

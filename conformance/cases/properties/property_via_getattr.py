class Box:
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
    @property
    def broken(self):
        return self.nonexistent + 1

b = Box(3, 4)
print(getattr(b, "area"), hasattr(b, "area"))
print(hasattr(b, "broken"))
print(getattr(b, "broken", "fallback"))
try:
    b.broken
except AttributeError as e:
    print(e)
setattr(b, "w", 10)
print(b.area)
try:
    setattr(b, "area", 0)
except AttributeError as e:
    print(e)

class Rect:
    def __init__(self, w, h):
        self._w = w
        self._h = h

    @property
    def width(self):
        return self._w

    @width.setter
    def width(self, v):
        self._w = max(0, v)

    @property
    def height(self):
        return self._h

    @height.setter
    def height(self, v):
        self._h = max(0, v)

    @property
    def size(self):
        return (self.width, self.height)

    @size.setter
    def size(self, wh):
        self.width, self.height = wh

r = Rect(1, 2)
r.size = (10, -5)
print(r.size, r.width, r.height)
r.width -= 20
print(r.size)
w, h = r.size
print(w + h)

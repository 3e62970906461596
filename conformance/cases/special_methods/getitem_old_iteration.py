class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("done")
        return i * i

s = Squares(5)
print(list(s))
for v in Squares(3):
    print("v", v)
print(9 in s, 10 in s, sum(s), max(s))
x, y = Squares(2)
print(x, y)
it = iter(Squares(2))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("exhausted")
class Letters:
    def __getitem__(self, i):
        return "abc"[i]
print(list(Letters()), "".join(Letters()))

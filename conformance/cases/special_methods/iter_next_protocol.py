class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)

class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

c = Countdown(4)
print(list(c), list(c))
for x in c:
    print("tick", x)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
print(sum(Countdown(10)), sorted(Countdown(3)), 3 in Countdown(5))
a, b, c2 = Countdown(3)
print(a, b, c2)
print([x * 2 for x in Countdown(3)], dict(zip("abc", Countdown(3))))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")

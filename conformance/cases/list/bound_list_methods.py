# pop and insert called directly or through bound methods kept in names: small
# int positions (negative, past the ends, clamped) take a short path, everything
# else the general one with CPython's errors.
xs = list(range(6))
pop = xs.pop
ins = xs.insert
print(pop(), pop(0), pop(-1), pop(1), xs)
ins(0, "a")
ins(-1, "b")
ins(100, "c")
ins(-100, "d")
ins(2**62, "e")
ins(-(2**63), "f")
ins(True, "g")
print(xs)
print(pop(True), pop(-len(xs)), xs)
for bad in (len(xs), -len(xs) - 1, 2**64, -(2**64)):
    try:
        pop(bad)
    except (IndexError, OverflowError) as e:
        print(type(e).__name__, e, bad)
for call in (lambda: pop("0"), lambda: ins("0", 1), lambda: ins(1), lambda: pop(1, 2), lambda: pop(1.0)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
empty = []
try:
    empty.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    empty.pop(0)
except IndexError as e:
    print("IndexError:", e)


class Stack(list):
    def pop(self, i=-1):
        return ("popped", list.pop(self, i))


s = Stack([1, 2, 3])
p = s.pop
print(p(), s.pop(0), s, s.insert(0, 9), s)
perm = [1, 2, 3]
rotate_in, rotate_out = perm.insert, perm.pop
for _ in range(4):
    rotate_in(2, rotate_out(0))
    print(perm)
for f in (lambda: [].pop(2**70), lambda: [].pop("x"), lambda: [1].pop(2**63 - 1), lambda: [1].pop(-(2**63)), lambda: [1].pop(2**63), lambda: [].insert(-(2**63) - 1, 0)):
    try:
        print(f())
    except (IndexError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)


class Log(list):
    def __init__(self, items):
        super().__init__(items)
        self.append("init")

    def append(self, x):
        list.append(self, ("logged", x))

    def insert(self, i, x):
        return list.insert(self, i, x)


g = Log([1])
g.append(2)
g.insert(0, 0)
print(g, list.pop(g), len(g))

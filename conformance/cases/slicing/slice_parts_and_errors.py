# Slicing with the parts in the subscript: every kind of container, the order in
# which CPython checks the parts and the value, and a value that changes the list
# while it is being collected.
class Grow:
    def __init__(self, xs):
        self.xs = xs

    def __iter__(self):
        self.xs.append(99)
        return iter([7, 8])


class Seq:
    def __getitem__(self, key):
        return ("get", key.start, key.stop, key.step)

    def __setitem__(self, key, value):
        print("set", key, value)


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


xs = [1, 2, 3]
xs[1:] = Grow(xs)
print(xs)
t = (0, 1, 2, 3, 4, 5)
print(t[True:-1:2], t[::-2], t[10**30:], t[-10**30:2], "abcdef"[1::2], b"abc"[::-1])
print(range(10)[2:8:3], Seq()[1:"x"])
Seq()[::3] = "v"
big = list(range(10))
big[2:8:3] = ["a", "b"]
big[1:3] += ["c"]
print(big)
attempt(lambda: xs["a":])
attempt(lambda: t[::0])
attempt(lambda: t[1.5:])


def assign(target, value, start=None, stop=None, step=None):
    def run():
        target[start:stop:step] = value
        return target

    attempt(run)


assign([1, 2], 5, "a")
assign([1, 2], 5, None, None, 0)
assign([1, 2], 5, None, None, -1)
assign([1, 2], 5, None, None, 1)
assign([1, 2, 3], [9], None, None, 2)
assign((1, 2), [3])
assign("ab", "c", 0, 1)

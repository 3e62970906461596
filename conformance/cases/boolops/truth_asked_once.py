# In a condition, `and`, `or`, `not` and chained comparisons are jumps: each
# operand's __bool__ runs once. As a value, `a or b` is `a` itself, and
# testing that value asks its truth again, as CPython does.
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return B(self.v)
def f(a, b):
    if a or b:
        print("yes")
    else:
        print("no")
    if a and b:
        print("yes")
    if not (a and b):
        print("not")
    if not a or not b:
        print("nor")
    while a and b:
        break
    x = a or b
    print(x.v)
    print(1 if a or b else 2)
    print([i for i in range(2) if a and b or i])
    if a < b < a:
        print("chain")
    y = a < b < a
    print(y.v)
    if (a if b else b) or not a:
        print("ifexp")
    assert a or b or True
    y = not (a or b)
    print(y)
f(B(True), B(False))
f(B(False), B(True))
f(B(False), B(False))
f(B(True), B(True))

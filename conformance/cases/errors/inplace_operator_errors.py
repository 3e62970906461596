for a, b in ((1, "a"), (1.5, 1), ("s", 1), ([1], 2.0), (None, None), (2, []), ({}, 1)):
    for op in ("+", "<<", "**", "-"):
        try:
            x = a
            if op == "+":
                x += b
            elif op == "<<":
                x <<= b
            elif op == "**":
                x **= b
            else:
                x -= b
            print(op, repr(x))
        except TypeError as e:
            print(op, e)
class V:
    def __add__(self, o):
        return NotImplemented
v = V()
try:
    v += 1
except TypeError as e:
    print(e)
try:
    v = V(); v -= 1
except TypeError as e:
    print(e)

# Float arithmetic on values no inference can type (they come out of lists,
# tuples and parameters of unknown callers), where compiled code computes two
# floats inline: every IEEE corner, float subclasses, mixes with ints and bools,
# in-place forms on list items, and division by zero. (skink has no float
# subclasses; an object with its own operators stands in the mix.)
import math


class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return "Meters.__add__"

    def __sub__(self, other):
        return "Meters.__sub__"

    def __radd__(self, other):
        return "Meters.__radd__"

    def __rsub__(self, other):
        return "Meters.__rsub__"

    def __rtruediv__(self, other):
        return "Meters.__rtruediv__"

    def __mul__(self, other):
        return other * self.v

    def __rmul__(self, other):
        return other * self.v

    def __truediv__(self, other):
        return NotImplemented


def combine(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            row = []
            row.append(x + y)
            row.append(x - y)
            row.append(x * y)
            try:
                row.append(x / y)
            except ZeroDivisionError as e:
                row.append(str(e))
            out.append(row)
    return out


corners = [0.0, -0.0, 1.5, -2.25, math.inf, -math.inf, math.nan, 5e-324, 1.7976931348623157e308]
for row in combine(corners, corners):
    print(row)
print(combine([3, True, 2**70], [0.5, -0.0]))
print(combine([0.5], [3, False, -(2**70)]))
try:
    print(combine([Meters(1.0)], [2.0]))
except TypeError as e:
    print("TypeError:", e)
try:
    print(combine([2.0], [Meters(1.0)]))
except TypeError as e:
    print("TypeError:", e)
print([math.copysign(1.0, v) for v in combine([-0.0], [0.0, -0.0])[0][:3]])

cells = [1.0, -0.0, 2.5]
for i in range(3):
    cells[i] += 0.25
    cells[i] -= 1e-17
    cells[i] *= -3.0
    cells[i] /= 7.0
print(cells)
acc = 0.0
for v in cells:
    acc -= v
print(acc, type(acc))
try:
    cells[0] /= 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(cells)
print(sum([0.1] * 10), 0.1 * 3, 1.1 - 2.2, 1e308 * 10, -1e308 * 10)
print(float("nan") - float("nan"), -0.0 - 0.0, 0.0 * -1.0)
x = [1.0]
print(x[0] / 0.0 if False else x[0] / -math.inf)
print(7.0 / 2.0, -7.0 / 2.0, 1.0 / 3.0, 2.0 / 3.0)
print(1.0 / 5e-324)

# Comparisons of values no inference can type, where compiled code compares two
# floats inline: signed zeros, infinities, NaN (!= holds, the rest do not),
# subnormals, and floats against ints, bools, big ints and other types.
import math
vals = [0.0, -0.0, 1.5, -2.5, math.inf, -math.inf, math.nan, 5e-324, 3, True, 2**80, "s", None]
for a in vals:
    row = []
    for b in vals:
        try:
            row.append((a < b, a <= b, a > b, a >= b, a == b, a != b))
        except TypeError as e:
            row.append(str(e)[:30])
    print(row)
n = math.nan
print(n == n, n != n, n < n, [n] == [n])

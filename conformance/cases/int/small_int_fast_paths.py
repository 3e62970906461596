# Every inline small-int path (* // % & | ^ >> and their in-place forms) at the
# edges of the small range, with big ints, zero divisors and negative shifts.
import sys
big = 2 ** 62
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 63, 64, 100, -100, big - 1, -big, big, -big - 1, 10 ** 20, -(10 ** 20), 2 ** 31, 3 ** 39]
out = []
for a in vals:
    for b in vals:
        r = [a * b, a & b, a | b, a ^ b]
        try:
            r.append(a // b)
        except ZeroDivisionError as e:
            r.append(str(e))
        try:
            r.append(a % b)
        except ZeroDivisionError as e:
            r.append(str(e))
        try:
            r.append(a >> b)
        except ValueError as e:
            r.append(str(e))
        x = a
        x *= b
        y = a
        y += b
        z = a
        z -= b
        w = a
        try:
            w //= b
            w %= 7
        except ZeroDivisionError:
            w = None
        r += [x, y, z, w]
        out.append(r)
for r in out: print(r)
print(out[:3], out[-3:])

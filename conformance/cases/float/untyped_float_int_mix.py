# A float and an int that inference cannot type (they come out of lists), where
# compiled code converts a small int and computes inline: ints past 2**53 that
# round on conversion (half to even), negative ints, zero divisors of either
# kind, in-place forms, and comparisons, which must stay exact rather than
# compare the int's float.
ints = [0, 1, -1, 3, -7, 2**53 - 1, 2**53 + 1, 2**53 + 3, -(2**53) - 1, 2**61 - 1, -(2**61), 2**62, 2**70]
floats = [0.0, -0.0, 0.5, -2.5, 1e16, float("inf"), float("nan"), 9007199254740992.0]


def mix(a, b):
    row = [a + b, a - b, a * b]
    try:
        row.append(a / b)
    except ZeroDivisionError as e:
        row.append("ZeroDivisionError: " + str(e))
    return row


for i in ints:
    for f in floats:
        print(i, f, mix(i, f), mix(f, i))

for i in ints:
    for f in floats:
        print(i < f, i <= f, i == f, i != f, i > f, i >= f, f < i, f == i, f > i)

acc = [0.5, -1.25]
steps = [3, -2, 2**53 + 1, 7]
for s in steps:
    acc[0] += s
    acc[1] -= s
    acc[0] *= s
    acc[1] /= s
print(acc)
total = 0.0
for s in steps:
    total = total * 0.5 + s
    total = s - total
print(total)
try:
    v = [2.5, 0]
    print(v[0] / v[1])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    v = [0, 0.0]
    print(v[0] / v[1])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print([1.5, 2][0] * [1.5, 2][1], [3, 0.25][0] / [3, 0.25][1], [None, 1.0][1] * 2)
try:
    print([None, 1.0][0] * 2.0)
except TypeError as e:
    print("TypeError:", e)
try:
    print(["ab", 2.0][1] * ["ab", 2][0])
except TypeError as e:
    print("TypeError:", e)
print([True, 1.5][0] + [True, 1.5][1], [1.5, False][0] * [1.5, False][1])

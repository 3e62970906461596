# Slices whose parts are small ints or None take a short path; big ints, bools
# and a zero step take the general one.
a = list(range(10))
t = tuple(a)
for k in range(-1, 11):
    print(k, a[:k + 1], a[k::-1], t[k:], a[-k::2], t[::-k] if k else None)
print(a[2**70:], a[: -(2**70)], a[:: 2**70], a[:: -(2**70)], a[True:False:-1])

print(a[2**63 - 1 :], t[-(2**63) : 2**62], a[2**62 :: -1][:2])
for step in (0, False):
    try:
        print(a[::step])
    except ValueError as e:
        print("ValueError:", e)
try:
    a[1.0:]
except TypeError as e:
    print("TypeError:", e)
perm = list(range(9))
flips = 0
k = perm[3]
perm[: k + 1] = perm[k::-1]
perm[:2] = perm[1::-1]
perm[7:] = perm[:6:-1]
perm[-3:-1] = "xy"
print(perm)
b = list(range(8))
b[::2] = b[-2::-2]
b[1:3] = []
b[:0] = (1, 2)
print(b)
try:
    b[::3] = [1]
except ValueError as e:
    print("ValueError:", e)

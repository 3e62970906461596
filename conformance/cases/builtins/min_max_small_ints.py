# min and max of several small ints take a short path; big ints, bools, floats
# and keywords among them take the general one, with the same answers.
def pick(a, b, c):
    return min(a, b, c), max(a, b, c), min(a, b), max(c, a)


print(pick(3, -7, 5))
print(pick(-(2**62), 2**62 - 1, 0))
print(pick(2**62, -(2**62) - 1, 1))
print(pick(True, 0, -1))
print(pick(1, 1.0, True))
print(pick(2, 2.5, -0.0))
big = 10**30
print(pick(big, -big, 7))
for i in range(-3, 4):
    print(min(i, 0, -i), max(i * i, 4, i), min(i, 2, key=lambda v: -v))
print(min(4, 9, default=None) if False else "no default with several args")
try:
    min(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)

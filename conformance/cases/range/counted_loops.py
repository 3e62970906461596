# `for` over `range(...)` with a constant step runs a hidden counter: the
# range is made once, and the counter crosses the small ints like any int.
def collect(it):
    out = []
    for x in it:
        out.append(x)
    return out


def loops():
    out = []
    for i in range(4611686018427387901, 4611686018427387906):
        out.append(i)
    for i in range(-4611686018427387902, -4611686018427387908, -2):
        out.append(i)
    for i in range(10, 0, -3):
        out.append(i)
    for i in range(0, 10, -1):
        out.append("never")
    for i in range(True, 3):
        out.append(i)
    for i in range(2**70, 2**70 + 3):
        out.append(i)
    n = 3
    for i in range(n):
        n = 100
        i = i * 7
        out.append(i)
    for i in range(5):
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    else:
        out.append("no else after break")
    for i in range(2):
        pass
    else:
        out.append(("else", i))
    for i in range(3):
        for j in range(i, 3):
            out.append((i, j))
    return out


def first_over(limit):
    for i in range(1, 100, 7):
        if i > limit:
            return i
    return None


def gen(n):
    for i in range(n, 0, -1):
        yield i * i


print(loops())
print(first_over(30), first_over(1000))
print(list(gen(4)))
try:
    for i in range(3.0):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    for i in range(1, 5, 0):
        pass
except ValueError as e:
    print("ValueError", e)
try:
    for k in range(0):
        pass
    print(k)
except NameError as e:
    print("NameError", e)
total = 0
for k in range(1000):
    total += k
print(total, k)
try:
    for i in range(5):
        if i == 2:
            raise KeyError(i)
except KeyError as e:
    print("KeyError", e, i)

# A float local that is not assigned on every path stays checked: reading it
# unassigned raises UnboundLocalError as in CPython.


def maybe(flag):
    if flag:
        y = 2.5
    for i in range(2):
        y = y * 2.0
    return y


print(maybe(True))
print(maybe(False))

# A float that only one list item or local refers to may be overwritten by the
# float replacing it. Every value that still refers to the old float must keep
# seeing the old value: aliases in locals, in other lists, in tuples and dicts,
# the same float twice in one list, and a float that leaves through an
# exception or a generic-copy exit midway.


def scale_items(v, dt, n):
    for _ in range(n):
        for i in range(len(v)):
            v[i] += dt * v[i]
    return v


def aliases(v, dt):
    kept = v[0]
    pair = (v[1], v[1])
    table = {"two": v[2]}
    v[0] -= dt
    v[1] *= 2.0 + dt
    v[2] /= 4.0 * dt
    v[3] = v[3] * dt
    return kept, pair, table, v


def accumulate(u):
    total = 0
    last = total
    for x in u:
        total += x * 0.5
        if total > 3.0:
            last = total
    return total, last


def same_float_twice(dt):
    x = dt * 3.0
    v = [x, x]
    del x
    v[0] += 1.0
    return v


def through_objects(v, k):
    for i in range(len(v)):
        v[i] = v[i] * k + 1.0
    return v


class Scale:
    def __init__(self, k):
        self.k = k

    def __rmul__(self, other):
        return other * self.k + 0.25


def keep_while_failing(v, divisor):
    before = v[0]
    try:
        for i in range(len(v)):
            v[i] /= divisor
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    return before, v


print(scale_items([1.0, 2.5, -3.0], 0.125, 5))
print(aliases([1.5 * 2, 2.5 * 2, 3.5 * 2, 4.5 * 2], 0.5))
print(accumulate([1.0, 2.0, 3.0, 4.0]))
print(accumulate([]))
print(same_float_twice(0.5))
print(through_objects([0.5 * 3, 1.5 * 3], 2.0))
print(through_objects([0.5 * 3, 1.5 * 3], Scale(3)))
print(through_objects([0.5 * 3, 7, 1.5 * 3], 2.0))
print(keep_while_failing([1.0 * 3, 2.0 * 3], 0.0))
print(keep_while_failing([1.0 * 3, 2.0 * 3], 4.0))
state = [0.1 * 3] * 3
alias = state[1]
scale_items(state, 0.5, 2)
print(state, alias)

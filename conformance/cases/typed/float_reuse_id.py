# A program that asks an object's `id` can tell a float overwritten in place
# from a new one: there, every float a list item or local is given is new.


def bump(v):
    before = id(v[0])
    v[0] += 1.0
    return id(v[0]) == before, v


def bump_local(x):
    x = x * 2.0
    before = id(x)
    x += 1.0
    return id(x) == before, x


print(bump([0.5 * 3]))
print(bump_local(1.25))

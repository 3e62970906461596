# A float held in a local is one object from its assignment on, as in CPython:
# every read of it is that object, whether the compiler keeps the local unboxed
# or not. Identity shows through `is`, and through the identity test that `in`,
# `count`, `index`, `==` on containers and dict lookups make before comparing,
# which is the only way a NaN equals itself.


def aliases(s):
    x = float(s) * 2.0
    a = x
    y = x + 0.0
    return a is x, x is x, y is x, a is not x


def through_call(s):
    x = float(s)
    x = x * 1.5
    return pair_identity(x, x), pair_identity(x, x * 1.0)


def pair_identity(p, q):
    p = p * 1.0 if p is not q else p
    return p is q


def nan_membership(s):
    x = float(s)
    for _ in range(3):
        x = x + 1.0
    lst = [x]
    d = {x: "found"}
    return x in lst, lst.count(x), lst.index(x), [x] == lst, d.get(x), (x,) == (x,)


def in_a_loop(n):
    total = 0.0
    seen = []
    for i in range(n):
        total += i * 0.5
        seen.append(total)
    return seen[-1] is total, total in seen


print(aliases("1.5"))
print(through_call("2.25"))
print(nan_membership("nan"))
print(nan_membership("1.0"))
print(in_a_loop(5))


# Returned: a parameter's value is the caller's object, a float made here is new.
def returns_param(x):
    s = x
    return s


def returns_own(n, out):
    s = n * 0.5
    out.append(s)
    return s


w = float("1.5") * 2.0
print(returns_param(w) is w)
out = []
print(returns_own(3, out) is out[0])

def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle

print(outer(1)(2)(3))
m = outer(100)
print(m(10)(1), m(20)(2))

def outer2():
    total = 0
    def middle():
        def inner(n):
            nonlocal total
            total += n
            return total
        return inner
    add = middle()
    add(5)
    add(7)
    return total
print(outer2())

def shadowing():
    v = "outer"
    def inner():
        v = "inner"
        return v
    r = inner()
    return r, v
print(shadowing())

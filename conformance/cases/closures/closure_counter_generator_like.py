def fib_maker():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt

f = fib_maker()
print([f() for _ in range(12)])
g = fib_maker()
print(g(), g(), f())

def make_id_gen(prefix):
    n = 0
    def gen():
        nonlocal n
        n += 1
        return f"{prefix}-{n:03d}"
    return gen

ids = make_id_gen("obj")
other = make_id_gen("x")
print(ids(), ids(), other(), ids())

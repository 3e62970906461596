def make_counter(start=0, step=1):
    count = start
    def inc():
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc()
inc()
print(get(), inc())
inc2, get2 = make_counter(10, 5)
print(inc2(), inc2(), get2())
print(get(), get2())
# independent cells
a = make_counter()[0]
b = make_counter()[0]
print(a(), a(), a(), b())

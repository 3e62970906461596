# equal constant set displays share CPython's first layout
print({8, 1, 64})
print({64, 1, 8})
def f():
    return {64, 8, 1, 1}
print(f())
print({1.0, 8, 64}, {True, 8, 64}, {64, 8, 1})
print({2 ** 40, 5, -1}, {-1, 5, 2 ** 40})

square = lambda x: x * x
add = lambda a, b=10: a + b
const = lambda: "constant"
print(square(7), add(1), add(1, 2), const())
print((lambda x, y: x - y)(10, 3))
print((lambda *a: len(a))(1, 2, 3))
print((lambda **k: sorted(k))(b=1, a=2))
print((lambda a, *, b: a * b)(3, b=4))
print(type(square).__name__)
print(square.__name__)

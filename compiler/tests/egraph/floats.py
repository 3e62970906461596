def f(x, y):
    a = x * 1.0 + y / 2.0
    b = -(-a)
    return a - (-b) * 2.0


print(f(1.5, -0.0))

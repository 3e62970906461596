def f(a, b):
    a = a * 2
    b += a
    return a, b
print(f(3, 4))
def g(n):
    total = 0
    while n > 0:
        total += n
        n -= 1
    return total
print(g(100))

# functions returning tuples and unpacking them
def minmax(xs):
    return min(xs), max(xs)

def divide(a, b):
    q, r = divmod(a, b)
    return (q, r, a / b)

lo, hi = minmax([4, 9, -2, 7])
print(lo, hi)
res = minmax([3])
print(res, type(res).__name__)
q, r, f = divide(17, 5)
print(q, r, f)
print(divide(-17, 5))
a, b = 1, 2
a, b = b, a
print(a, b)
x, (y, z) = 1, (2, 3)
print(x, y, z)
for i, (p, s) in enumerate([(1, 'a'), (2, 'b')]):
    print(i, p, s)

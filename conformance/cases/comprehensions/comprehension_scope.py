# comprehension variables do not leak; outer names are visible
x = 'outer'
ys = [x for x in range(3)]
print(x, ys)
factor = 3
print([factor * i for i in range(4)])
def scaled(xs, k):
    return [k * v for v in xs]
print(scaled([1, 2, 3], 10))
i = 100
print({i: i for i in range(2)}, i)
total = 5
print([total + t for t in [total, total * 2]])

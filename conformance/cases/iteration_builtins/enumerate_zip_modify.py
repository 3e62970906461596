# using enumerate and zip to update lists in place
xs = [10, 20, 30, 40]
for i, x in enumerate(xs):
    xs[i] = x + i
print(xs)
ys = [1, 2, 3, 4]
out = [a * b for a, b in zip(xs, ys)]
print(out, sum(out))
diffs = [b - a for a, b in zip(xs, xs[1:])]
print(diffs)
for i, (a, b) in enumerate(zip('abc', 'xyz')):
    print(i, a + b)
print(list(zip(range(3), enumerate('pq'))))

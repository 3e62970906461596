# deleting slices
xs = list(range(15))
del xs[10:]
print(xs)
del xs[::3]
print(xs)
del xs[-2:]
print(xs)
del xs[1:5:2]
print(xs)
del xs[::-2]
print(xs)
del xs[100:200]
print(xs)
del xs[:]
print(xs)

# del of list items and slices
xs = list(range(10))
del xs[0]
print(xs)
del xs[-1]
print(xs)
del xs[2:4]
print(xs)
del xs[::2]
print(xs)
ys = list(range(20))
del ys[1::3]
print(ys)
del ys[:]
print(ys)
zs = [1, 2, 3, 4, 5, 6]
del zs[5:1:-2]
print(zs)
m = [[1, 2, 3], [4, 5, 6]]
del m[0][1]
print(m)
del m[1]
print(m)
tmp = 5
del tmp
w = ['a', 'b', 'c']
del w[1], w[0]
print(w)

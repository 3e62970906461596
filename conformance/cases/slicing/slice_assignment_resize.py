# slice assignment that grows or shrinks the list
xs = [1, 2, 3, 4, 5]
xs[1:3] = []
print(xs)
xs[1:1] = ['in', 'serted', 'here']
print(xs)
xs[:2] = [0]
print(xs)
xs[len(xs):] = [98, 99]
print(xs)
xs[:0] = ['start']
print(xs)
xs[2:] = range(3)
print(xs)
xs[:] = 'abc'
print(xs)
xs[-1:] = [[1, 2]]
print(xs)
ys = [1, 2, 3]
ys[5:10] = [4]
print(ys)
ys[1:2] = ys
print(ys)

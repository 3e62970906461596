# slice assignment replacing same number of elements
xs = list(range(8))
xs[2:4] = ['a', 'b']
print(xs)
xs[::2] = [10, 20, 30, 40]
print(xs)
xs[::-3] = 'XYZ'
print(xs)
xs[1:7:2] = (7, 8, 9)
print(xs)

# an uncaught AttributeError for a missing list method
xs = [3, 1, 2]
xs.sort()
print(xs)
ys = xs.copy()
print(ys)
ys.extend(xs)
ys.reverse()
print(ys, xs)
xs.foo()

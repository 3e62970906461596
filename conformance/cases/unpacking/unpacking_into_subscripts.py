# unpacking into subscript targets
xs = [0, 0, 0]
xs[0], xs[2] = 'a', 'c'
print(xs)
d = {}
d['x'], d['y'] = 1, 2
print(d)
m = [[0, 0], [0, 0]]
m[0][1], m[1][0] = 5, 6
print(m)
i = 0
i, xs[i] = 2, 'z'
print(i, xs)
xs[0], *xs[1:] = 'hello'
print(xs)

# basic list slices with positive and negative bounds
xs = list(range(10))
print(xs[2:7], xs[:4], xs[6:], xs[:], xs[-3:], xs[:-3], xs[-5:-2])
print(xs[7:2], xs[100:], xs[-100:2], xs[3:3], xs[-1:])
print(xs[0:100], xs[-100:100])
ys = xs[:]
ys[0] = 'changed'
print(xs[0], ys[0])
print(xs[1:2], xs[-1:-2], xs[-2:-1], xs[9:10], xs[10:11])
zs = xs[2:8]
print(zs, zs[1:-1], zs[1:-1][1:-1])

# slices with positive and negative steps
xs = list(range(12))
print(xs[::2], xs[1::2], xs[::3], xs[::5], xs[::100])
print(xs[::-1], xs[::-2], xs[-2::-3])
print(xs[8:2:-1], xs[8:2:-2], xs[2:8:-1], xs[-1:-5:-1])
print(xs[10:0:-3], xs[:3:-4], xs[3::-1], xs[:-13:-1])
print(xs[1:-1:4], xs[-12::5])
s = 'abcdefghijkl'
print(s[::2], s[1::2], s[::3], s[::-1], s[::-3], s[8:2:-2], s[-1:-5:-1])
t = tuple(xs)
print(t[::4], t[10:0:-4], t[-3::-3])

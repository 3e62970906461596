# list append, extend and insert at various positions
xs = []
for i in range(5):
    xs.append(i * i)
    print(xs)
xs.extend([100, 200])
print(xs)
xs.extend((7, 8))
print(xs)
xs.extend("ab")
print(xs)
xs.extend(range(3))
print(xs, len(xs))
ys = [1, 2, 3]
ys.insert(0, 'first')
print(ys)
ys.insert(2, 'mid')
print(ys)
ys.insert(100, 'end')
print(ys)
ys.insert(-1, 'before_end')
print(ys)
ys.insert(-100, 'very_start')
print(ys)
zs = [0]
zs.extend(zs)
print(zs)
zs.append(zs[:])
print(zs, len(zs))

# mutating a list while iterating by index and over copies
xs = [1, 2, 3, 4, 5, 6]
for x in xs[:]:
    if x % 2 == 0:
        xs.remove(x)
print(xs)
ys = [1, 2, 3]
for y in ys:
    if y < 3:
        ys.append(y + 10)
    print('visit', y, len(ys))
print(ys)
zs = [5, 6, 7, 8]
i = 0
while i < len(zs):
    if zs[i] % 2:
        del zs[i]
    else:
        zs[i] *= 10
        i += 1
print(zs)
ws = [1, 2, 3, 4]
for w in ws:
    ws.remove(w)
print(ws)

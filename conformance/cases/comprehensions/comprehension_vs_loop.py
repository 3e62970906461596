# comprehension results equal loop-built results
data = [3, 8, -2, 7, 0, 15, -9, 4]
loop = []
for x in data:
    if x > 0:
        loop.append(x * 2)
comp = [x * 2 for x in data if x > 0]
print(loop, comp, loop == comp)
pairs_loop = []
for a in range(3):
    for b in range(3):
        if a != b:
            pairs_loop.append((a, b))
pairs_comp = [(a, b) for a in range(3) for b in range(3) if a != b]
print(pairs_loop == pairs_comp, pairs_comp)
d_loop = {}
for i, x in enumerate(data):
    d_loop[x] = i
print(d_loop == {x: i for i, x in enumerate(data)}, d_loop)

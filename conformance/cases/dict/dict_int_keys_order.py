# int and negative keys keep insertion order, not numeric order
d = {}
for k in [10, -1, 3, 1000000000000, -50, 0]:
    d[k] = k % 7
print(d)
print(list(d.keys()))
d[-1] += 100
print(d[-1], d)
print(min(d), max(d), sum(d))
print({k: v for k, v in sorted(d.items())})

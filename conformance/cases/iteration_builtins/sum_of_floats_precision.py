# sum adds left to right; results match repeated addition
vals = [0.1, 0.2, 0.3, 1e16, -1e16, 0.4]
acc = 0
for v in vals:
    acc += v
    print(acc)
print(sum(vals), acc == sum(vals))
print(sum([1e100, 1.0, -1e100]), sum([0.1] * 3) == 0.3)
print(sum([1, 2, 3], 0.5), sum([2 ** 70, 0.5]))
halves = [0.5] * 7
print(sum(halves), sum(halves, 0.25), sum([1e-16] * 10, 1.0))

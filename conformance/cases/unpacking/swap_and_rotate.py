# swapping and rotating values via tuple assignment
a, b, c, d = 1, 2, 3, 4
for _ in range(4):
    a, b, c, d = b, c, d, a
    print(a, b, c, d)
xs = [5, 1, 4, 2, 3]
n = len(xs)
for i in range(n):
    for j in range(n - 1 - i):
        if xs[j] > xs[j + 1]:
            xs[j], xs[j + 1] = xs[j + 1], xs[j]
print(xs)
fa, fb = 0, 1
for _ in range(20):
    fa, fb = fb, fa + fb
print(fa, fb)

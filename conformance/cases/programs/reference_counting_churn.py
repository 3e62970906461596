s = "x"
for i in range(2000):
    s = s + "y"
    t = s * 2
print(len(s), len(t))
big = 2 ** 100
for i in range(3000):
    big = big + i
    tmp = big * big
print(big, tmp % 1000)
f = 0.5
for i in range(3000):
    f = f * 1.0001
print(f)

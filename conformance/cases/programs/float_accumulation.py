total = 0.0
for i in range(1, 1001):
    total += 1 / i
print(total)
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0, round(x, 10) == 1.0)
pi = 0.0
sign = 1.0
for k in range(100000):
    pi += sign * 4.0 / (2 * k + 1)
    sign = -sign
print(pi)

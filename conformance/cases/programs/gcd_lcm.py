def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def lcm(a, b):
    return a // gcd(a, b) * b
acc = 1
for i in range(1, 41):
    acc = lcm(acc, i)
print(acc, gcd(2 ** 100, 6 ** 50), gcd(-12, 18), gcd(0, 5))

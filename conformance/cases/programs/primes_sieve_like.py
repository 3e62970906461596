def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True
count = 0
last = 0
for n in range(10000):
    if is_prime(n):
        count += 1
        last = n
print(count, last, is_prime(2 ** 31 - 1), is_prime(1000003 * 1000033))

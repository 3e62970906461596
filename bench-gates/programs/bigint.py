# Big integers: products and sums far past 64 bits, modular exponentiation,
# integer square roots by Newton's method and decimal conversion.
import sys


def fib_pair(n):
    # Fast doubling: (F(n), F(n + 1)).
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return c, d
    return d, c + d


def isqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    product = 1
    for i in range(1, n + 1):
        product *= i * i + 1
    digits = str(product % 10**1000)
    checksum = product.bit_length() + sum(int(c) for c in digits)
    fa, fb = fib_pair(n * 40)
    checksum += (fa ^ fb) % 1000000007
    modulus = (1 << 521) - 1
    acc = 3
    for i in range(n // 3):
        acc = pow(acc, 65537, modulus) + i
    checksum += acc % 998244353
    root = isqrt(product)
    checksum += root % 1000003 - (product - root * root) % 97
    print(checksum)


main()

# Nested lists as matrices: integer and float matrix products, transposition
# and a power of a small matrix by repeated squaring.
import sys


def matmul(a, b):
    cols = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in cols] for row in a]


def matmul_loops(a, b, n):
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c


def matpow(m, e, modulus):
    size = len(m)
    result = [[1 if i == j else 0 for j in range(size)] for i in range(size)]
    while e > 0:
        if e % 2 == 1:
            result = [[v % modulus for v in row] for row in matmul(result, m)]
        m = [[v % modulus for v in row] for row in matmul(m, m)]
        e //= 2
    return result


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 215
    a = [[(i * j + 1) % 17 for j in range(n)] for i in range(n)]
    b = [[(i + 2 * j) % 13 for j in range(n)] for i in range(n)]
    c = matmul(a, b)
    fa = [[x / 7.0 for x in row] for row in a]
    fb = [[x / 3.0 for x in row] for row in b]
    fc = matmul_loops(fa, fb, n)
    p = matpow([[1, 1, 0], [1, 0, 1], [0, 1, 1]], n * 1000, 1000000007)
    print(sum(map(sum, c)), c[n - 1][n - 1], round(fc[n // 2][n // 3], 6), p[0])


main()

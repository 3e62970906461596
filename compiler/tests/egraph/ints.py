def f(n):
    k = 6 * 7 - 2 // 3
    return (n + 0) * 1 - 0 + (0 - n) + k


print(f(5), f(2**70))

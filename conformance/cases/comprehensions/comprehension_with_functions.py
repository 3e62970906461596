# calling module-level functions inside comprehensions
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return False
    return True

def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

print([n for n in range(50) if is_prime(n)])
print({n: collatz_len(n) for n in range(1, 16)})
print([collatz_len(n) for n in range(1, 30) if is_prime(n)])
print(max([(collatz_len(n), n) for n in range(1, 100)]))

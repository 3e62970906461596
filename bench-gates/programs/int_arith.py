# Integer arithmetic on machine-sized values: a linear congruential generator,
# Collatz step counts and digit sums, with floor division and modulo on negative
# operands, whose rounding differs from C's.
import sys


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def digit_sum(n):
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total


def mix(state, rounds):
    acc = 0
    for _ in range(rounds):
        state = (state * 1103515245 + 12345) % 2147483648
        signed = state - 1073741824
        acc += signed // 7 - signed % 13 + (signed >> 3) - (acc & 255)
        acc ^= state
    return state, acc


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 120000
    checksum = 0
    for i in range(1, n + 1):
        checksum += collatz_steps(i) * digit_sum(i)
    state, acc = mix(n, n * 4)
    print(checksum, state, acc)


main()

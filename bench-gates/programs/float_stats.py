# Floating point through the math module: Simpson's rule on a few integrands,
# and Welford's running mean and variance over a generated series.
import math
import sys


def simpson(f, a, b, steps):
    h = (b - a) / steps
    total = f(a) + f(b)
    for i in range(1, steps):
        x = a + i * h
        if i % 2 == 1:
            total += 4.0 * f(x)
        else:
            total += 2.0 * f(x)
    return total * h / 3.0


def bump(x):
    return math.exp(-x * x) * math.cos(3.0 * x)


def wave(x):
    return math.sin(x) / (1.0 + x * x) + math.sqrt(abs(x))


def welford(count):
    mean = 0.0
    m2 = 0.0
    x = 0.5
    for k in range(1, count + 1):
        x = (x * 3.7 * (1.0 - x)) % 1.0
        delta = x - mean
        mean += delta / k
        m2 += delta * (x - mean)
    return mean, m2 / (count - 1)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1450000
    area_bump = simpson(bump, -3.0, 3.0, n)
    area_wave = simpson(wave, -5.0, 5.0, n)
    mean, variance = welford(n * 2)
    print(area_bump, area_wave)
    print(mean, variance, math.floor(variance * 1e9))


main()

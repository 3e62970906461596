# Floating point in a tight loop: escape-time counts over a grid of the complex
# plane, written with separate real and imaginary parts.
import sys


def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    for i in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 680
    limit = 60
    total = 0
    inside = 0
    for y in range(size):
        ci = -1.25 + 2.5 * y / size
        for x in range(size):
            cr = -2.0 + 2.6 * x / size
            t = escape_time(cr, ci, limit)
            total += t
            if t == limit:
                inside += 1
    print(total, inside, total / (size * size))


main()

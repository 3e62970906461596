from math import sqrt as root, pi, floor
import math as m
import time, sys

def area(r):
    return pi * r * r

print(root(49), floor(area(2)), m.ceil(area(1)))
start = time.perf_counter()
elapsed = time.perf_counter() - start
print(elapsed >= 0, isinstance(time.time(), float), time.time() > 1e9)
print(sys.maxsize == 2**63 - 1, isinstance(sys.argv, list))
written = sys.stdout.write("direct write\n")
print(written)
sys.stdout.write("no newline")
sys.stdout.write("\n")

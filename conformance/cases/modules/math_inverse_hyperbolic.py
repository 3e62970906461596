# The inverse hyperbolic functions and cbrt come from the C library, as CPython's do.
import math

xs = [0.1, 0.5, 0.9, 1.5, 2.7, 10.0, 1e-8, 123.456, 1e10, -0.3]
for x in xs:
    print(math.asinh(x), math.atanh(x / 11) if abs(x) < 11 else 0, math.acosh(abs(x) + 1), math.cbrt(x))
print(math.cbrt(27), math.cbrt(-8), math.cbrt(0.001), math.exp2(0.5), math.exp2(-1074))
for bad in [lambda: math.acosh(0.5), lambda: math.atanh(1.0), lambda: math.exp2(1024)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

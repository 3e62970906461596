# converting numbers to padded strings with methods
for n in [0, 7, 42, 123, -5, 99999]:
    print(str(n).rjust(6), str(n).zfill(6), str(n).ljust(6) + '|', str(n).center(7, '.'))
for x in [0.5, 2.0, 1 / 3, -1.25, 1e-7, 1e16, 123456789.125]:
    print(str(x), repr(x))
for n in [10 ** 9, -(10 ** 9)]:
    s = str(n)
    print(s, len(s), s.zfill(14), s.rjust(14, '_'), s.lstrip('-').zfill(12))
print(str(1e22), str(1e21), str(1e-4), str(0.0001234), str(-0.0))
print(str(3.0).rstrip('0'), str(100).rstrip('0'), str(2.50).rjust(6, '0'))

# formatting bools, None and containers with format specs
print(f'{True} {False} {None}')
print(f'[{True:>6}] [{False:<6}] [{str(None):^8}]')
print(f'{True:d} {False:d} {True + True:03d} {True:.2f}')
print(f'[{[1, 2]!s:>10}] [{(1,)!r:<6}]')
print(f'{{}} {{x}} {"{"} {"}"}')
print(f'{str([1]):>5}|{repr("a"):^7}|')
print(f'{True == 1} {False is False} {None is None}')
flags = [True, False, None]
print(f'{flags} {flags!r} {len(flags)}')
for v in flags:
    print(f'[{str(v):^7}] [{repr(v):>6}] [{v!s:<6}]')

# integer presentation types b, o, x, X, d, c, n and the # flag
for n in [0, 5, 10, 255, 1000, -17]:
    print(f'{n:d} {n:b} {n:o} {n:x} {n:X} {n:#b} {n:#o} {n:#x} {n:#X}')
print(f'{65:c}{97:c}{8364:c}')
print(f'{2 ** 100:x}')
print(f'{-255:#06x} {255:#010b} {7:08b}')
print(f'{10 ** 18:d} {-(2 ** 70):x} {2 ** 70:o}')
print(f'{12:>#8x}|{12:<#8o}|{12:^#10b}|')
print(f'{255:_b} {65535:_x} {1234567:_d}')
print(f'{5:3c}|{66:<3c}|')

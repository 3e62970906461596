# %x %X %o %c %e %g conversions and alternate forms
for n in [0, 9, 10, 255, 4096, -31]:
    print('%x %X %o %#x %#X %#o %08x' % (n, n, n, n, n, n, n))
print('%c%c%c' % (72, 105, 33), '%c' % 'z', '%c' % 8364)
for f in [0.0001234, 123456.789, 1e-10, 2.5, 1e22]:
    print('%e %E %.2e %g %G %.3g %10.4g|' % (f, f, f, f, f, f, f))
print('%#08x %#08o %-#8x|' % (255, 8, 255))
print('%x' % (2 ** 64), '%X' % (-(2 ** 40)))
print('%5c|%-3c|' % ('a', 98))
print('%c%c' % (0x41, 0x263A), '%o' % 0o777, '%x' % 0xdeadbeef)

# width, precision and flags in printf-style formatting
for v in [0, 7, -7, 1234]:
    print('[%5d] [%-5d] [%05d] [%+d] [% d] [%+05d]' % (v, v, v, v, v, v))
for x in [0.5, -2.25, 3.14159, 1000.0]:
    print('[%8.3f] [%-8.2f] [%08.2f] [%+.1f] [%.0f] [% .2f]' % (x, x, x, x, x, x))
for s in ['ab', 'abcdef']:
    print('[%6s] [%-6s] [%.3s] [%6.2s] [%-6.4s]' % (s, s, s, s, s))
for n in [5, -5]:
    print('[%-+6d] [%+-6d] [% 6d] [%-06d]' % (n, n, n, n))
print('[%10.4s] [%-10.0s] [%.1s]' % ('abcdef', 'abc', 'xyz'))

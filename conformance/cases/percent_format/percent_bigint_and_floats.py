# printf-style formatting of big ints and special floats
big = 3 ** 80
print('%d' % big)
print('%x' % big)
print('%30d|' % (10 ** 20))
print('%.3e' % big)
print('%f %f %f' % (float('inf'), float('-inf'), float('nan')))
print('%e %g %F' % (float('inf'), float('nan'), float('inf')))
print('%.15g %.17g %r' % (0.1, 0.1, 0.1))
print('%.2f %.2f %.2f %.2f' % (0.125, 0.375, 2.675, 1.005))

# * width and precision taken from the argument tuple
for w in [3, 6, 9]:
    print('[%*d]' % (w, 42))
print('[%-*s]' % (8, 'left'))
print('[%.*f]' % (2, 3.14159))
print('[%*.*f]' % (10, 3, 2.71828))
print('[%*s|%*s]' % (4, 'a', -4, 'b'))
for p in range(4):
    print('[%.*f] [%*.*e]' % (p, 1 / 3, 12, p, 12345.678))
print('[%-*d] [%0*d]' % (6, 42, 6, 42))

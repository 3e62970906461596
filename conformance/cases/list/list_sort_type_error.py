# sorting incomparable types raises TypeError
xs = [3, 1, 2]
xs.sort()
print(xs)
mixed = [1, 2.5, True]
mixed.sort()
print(mixed)
try:
    sorted([1, 'a'])
except TypeError as e:
    print('caught:', e)
try:
    [1, 2] < [1, 'x']
except TypeError as e:
    print('caught:', e)
bad = ['b', None, 'a']
bad.sort()

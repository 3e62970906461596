# wrong argument types to str methods raise TypeError
print('a-b'.split('-'))
try:
    print(','.join(['a', 1]))
except TypeError as e:
    print('caught:', e)
try:
    print('abc' + 1)
except TypeError as e:
    print('caught:', e)
try:
    print('x'.startswith(['x']))
except TypeError as e:
    print('caught:', e)
print('abc'.find(1))

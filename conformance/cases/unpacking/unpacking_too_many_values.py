# unpacking mismatched lengths raises ValueError
a, b = 1, 2
print(a, b)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('caught:', e)
try:
    a, b, c = 'ab'
except ValueError as e:
    print('caught:', e)
try:
    a, *b, c = [1]
except ValueError as e:
    print('caught:', e)
x, y = (1, 2, 3, 4)

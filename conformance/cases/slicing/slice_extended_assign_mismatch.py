# extended slice assignment requires matching length
xs = list(range(6))
xs[::2] = ['a', 'b', 'c']
print(xs)
try:
    xs[::2] = [1, 2]
except ValueError as e:
    print('caught:', e)
try:
    xs[1:2] = 5
except TypeError as e:
    print('caught:', e)
print(xs)
xs[::3] = [1, 2, 3]

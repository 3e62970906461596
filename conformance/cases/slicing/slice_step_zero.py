# a zero slice step raises ValueError
xs = [1, 2, 3]
print(xs[::1], xs[::-1])
try:
    print('abc'[::0])
except ValueError as e:
    print('caught:', e)
print(xs[::2], xs[::-2], 'abcdef'[::3])
print(list(range(10))[::4], tuple(xs)[::-1])
print(xs[::0])

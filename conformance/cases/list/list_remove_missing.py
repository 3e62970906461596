# removing a value that is not present raises ValueError
xs = [3, 1, 4, 1, 5]
xs.remove(1)
print(xs)
xs.remove(1)
print(xs)
try:
    print(xs.index(9))
except ValueError as e:
    print('index:', e)
try:
    xs.remove(9)
except ValueError as e:
    print('remove:', e)
xs.remove(1)

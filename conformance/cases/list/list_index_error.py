# index out of range ends the program
xs = [10, 20, 30]
print(xs[0], xs[-1], xs[-3])
try:
    xs[3]
except IndexError as e:
    print('caught', e)
try:
    xs[-4] = 1
except IndexError as e:
    print('caught', e)
try:
    [].pop()
except IndexError as e:
    print('caught', e)
try:
    xs.pop(10)
except IndexError as e:
    print('caught', e)
print(xs[5])

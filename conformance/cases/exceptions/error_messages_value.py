# exact messages of common ValueErrors
tests = ['x', '', '1.5', ' 12a', '0x10']
for t in tests:
    try:
        int(t)
    except ValueError as e:
        print(e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print(e)
try:
    [1, 2].index(3)
except ValueError as e:
    print(e)
try:
    'abc'.index('z')
except ValueError as e:
    print(e)
try:
    float('one')
except ValueError as e:
    print(e)
try:
    int('12', 2)
except ValueError as e:
    print(e)
try:
    a, b = [1]
except ValueError as e:
    print(e)

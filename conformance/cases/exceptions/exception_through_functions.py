# exceptions propagate through several function calls
def level3(x):
    print('level3', x)
    if x > 2:
        raise ValueError('too big: ' + str(x))
    return x * 10

def level2(x):
    print('level2 enter', x)
    try:
        return level3(x) + 1
    finally:
        print('level2 cleanup', x)

def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        print('level1 handled', e)
        return -1

for x in [1, 3]:
    print('result', level1(x))

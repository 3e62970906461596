# exact messages of common lookup errors
cases = []
try:
    [1, 2, 3][3]
except IndexError as e:
    print(repr(e))
try:
    (1, 2)[-3]
except IndexError as e:
    print(repr(e))
try:
    'abc'[10]
except IndexError as e:
    print(repr(e))
try:
    {'a': 1}['b']
except KeyError as e:
    print(repr(e), str(e))
try:
    {(1, 2): 0}[(3, 4)]
except KeyError as e:
    print(repr(e), str(e))
try:
    {}[0]
except KeyError as e:
    print(repr(e), str(e))
try:
    [].pop()
except IndexError as e:
    print(repr(e))
try:
    range(3)[3]
except IndexError as e:
    print(repr(e))

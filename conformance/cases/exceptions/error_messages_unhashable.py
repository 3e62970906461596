# messages for unhashable keys and elements
for bad in [[1, 2], {'a': 1}, {1, 2}]:
    try:
        d = {bad: 1}
    except TypeError as e:
        print('dict key:', e)
    try:
        s = set()
        s.add(bad)
    except TypeError as e:
        print('set add:', e)
try:
    {(1, [2]): 3}
except TypeError as e:
    print('tuple with list:', e)
try:
    frozenset([[1]])
except TypeError as e:
    print('frozenset:', e)

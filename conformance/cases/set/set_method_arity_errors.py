# argument-count errors of set and frozenset methods name the right type
f = frozenset({1, 2})
try:
    f.issubset()
except TypeError as e:
    print(e)
s = {1}
try:
    s.add()
except TypeError as e:
    print(e)
try:
    s.pop(1)
except TypeError as e:
    print(e)
f.add(3)

# adding a list to a set raises TypeError
s = {1, 2}
s.add((3, 4))
print(s)
try:
    s.add({5})
except TypeError as e:
    print('caught:', e)
try:
    set([[1], [2]])
except TypeError as e:
    print('caught:', e)
s.add([5, 6])

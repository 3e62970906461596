# hashing mutable containers raises TypeError
print(hash((1, 2)) == hash((1, 2)))
for bad in [[1], {1: 2}, {3}]:
    try:
        hash(bad)
    except TypeError as e:
        print('caught:', e)
try:
    hash((1, [2]))
except TypeError as e:
    print('caught:', e)
s = {1, 2}
s.add(frozenset([1]))
print(len(s))
s.add((1, [2]))

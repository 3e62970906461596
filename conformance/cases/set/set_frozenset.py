# frozenset behaviour, hashing and mixing with set
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f)
g = frozenset()
print(g, frozenset(range(3)))
s = {1, 2}
print(f | s, type(f | s).__name__, type(s | f).__name__)
print(f & s, f - s, f ^ s)
print(f == {1, 2, 3}, {1, 2, 3} == f)
nested = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(nested), frozenset([1, 2]) in nested)
d = {frozenset([1]): 'one', frozenset(): 'empty'}
print(d)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(f.union([9]), f.issubset(range(10)), frozenset(f) == f)

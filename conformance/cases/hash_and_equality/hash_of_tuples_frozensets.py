# hashes of tuples and frozensets of numbers
for t in [(), (0,), (1,), (1, 2), (2, 1), (1, (2, 3)), (-1, -2), (1.5, 2), (True, False), (10 ** 20,)]:
    print(t, hash(t))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((1, 2)) == hash((True, 2)))
for f in [frozenset(), frozenset([1]), frozenset([1, 2]), frozenset(range(5)), frozenset([-1, -2])]:
    print(sorted(f), hash(f))
print(hash(frozenset([3, 1])) == hash(frozenset([1, 3])))
pairs = [(1, 2), (2, 1), (0, 3), (3, 0)]
print(len(set([hash(p) for p in pairs])), sorted(set(pairs)))
print({(1, 2): 'a', (1.0, 2.0): 'b', (True, 2): 'c'})

# hashes of tuples of ints are deterministic and equal tuples hash equal
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)))
print(hash(()), hash((0,)), hash((1, 2, 3)), hash((-1,)))
print(hash(((1, 2), (3,))), hash((True, False)))
print(hash((10 ** 20, -5)))
d = {(1, 2): 'a'}
print(d[(1.0, 2)], d.get((True, 2)))
print(len({(1, 2), (1.0, 2.0), (True, 2)}), {(0, 0), (0, -0), (0.0, False)})
print(hash((1,)) == hash((1, )), hash((1, 2)) != hash((2, 1)))
print({(1, 2): 'x'} == {(1.0, 2): 'x'}, (1, 2) in {(1, 2): 0})

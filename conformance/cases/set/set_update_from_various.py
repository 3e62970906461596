# updating sets from various iterables
s = set()
s.update([1, 2])
s.update((3, 4), range(5, 7))
s.update({7: 'a', 8: 'b'})
s.update(set([9]), frozenset([10]))
print(s)
s.update([])
print(len(s))
t = {0}
t |= set(range(3))
t |= frozenset([-1])
print(t)
print(set({'k': 1}) == {'k'}, set([1, 1, 2]))

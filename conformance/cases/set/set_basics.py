# set creation, add, membership, len and printing of int sets
s = {3, 1, 2}
print(s, len(s))
s.add(10)
s.add(1)
print(s, 3 in s, 4 in s, 4 not in s)
print(set(), len(set()), bool(set()), bool({0}))
print(set([5, 5, 5, 4]), set(range(8)), set((9, 8, 7)))
print(set('aaa') == {'a'}, len(set('hello')))
t = set()
for i in [7, 100, 33, 64, 2, 7, 33]:
    t.add(i)
    print(t)
print(sorted(t), sum(t), min(t), max(t))

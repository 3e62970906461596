# an uncaught TypeError for an unhashable set element
seen = set()
for item in [1, (2, 3), 'x']:
    seen.add(item)
    print('added', repr(item), len(seen))
seen.add(frozenset([1, 2]))
seen.discard(1)
print(len(seen), (2, 3) in seen, 1 in seen)
print(sorted([x for x in seen if isinstance(x, tuple)]))
seen.add([4])

# unpacking in for loops with enumerate, zip and items
pairs = [(1, 'one'), (2, 'two'), (3, 'three')]
for num, word in pairs:
    print(num, word)
for i, (num, word) in enumerate(pairs, 1):
    print(i, num, word)
for a, b, c in zip('abc', range(3), [True, False, None]):
    print(a, b, c)
for key, val in {'x': 1, 'y': 2}.items():
    print(key, val)
for first, *others in [[1, 2, 3], [4, 5], [6]]:
    print(first, others)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)

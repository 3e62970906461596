# tuple unpacking in comprehension targets
pairs = [(1, 'a'), (2, 'b'), (3, 'c')]
print([n for n, _ in pairs], [s * n for n, s in pairs])
print({s: n for n, s in pairs})
print([i * n for i, (n, s) in enumerate(pairs)])
triples = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in triples])
print([(b, a) for a, b in zip('xyz', range(3))])
print([first for first, *rest in [[1, 2, 3], [4], [5, 6]]])
print([rest for first, *rest in [[1, 2, 3], [4], [5, 6]]])

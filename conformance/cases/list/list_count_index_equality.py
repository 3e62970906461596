# count and index use equality, not identity
xs = [1, 1.0, True, 'a', 2, 0, False, 0.0]
print(xs.count(1), xs.count(0), xs.count('a'), xs.count(2.0))
print(xs.index(True), xs.index(False), xs.index(0.0), xs.index(2.0))
nested = [[1, 2], [1, 2], (1, 2), [2, 1]]
print(nested.count([1, 2]), nested.count((1, 2)), nested.index([2, 1]))
print(1 in [1.0], 'a' in ['A'], [] in [[]], None in [0, False])
s = [None, None, 0]
print(s.count(None), s.index(0))
print(s.index(None), [0.0, 0].count(False), ['1', 1].count('1'))
words = ['a', 'b', 'a', 'c', 'a']
print(words.count('a'), words.index('a', 1), words.index('a', 3))

# deep equality and ordering of nested lists
a = [1, [2, [3, 4]], 'x']
b = [1, [2, [3, 4]], 'x']
c = [1, [2, [3, 5]], 'x']
print(a == b, a is b, a == c, a < c, c > b)
print([1, 2] == (1, 2), [1, 2] != (1, 2))
print([[1], [2]] < [[1], [2], []], [[2]] > [[1, 9]])
print(sorted([[3, 1], [1, 2, 3], [1, 2], [], [3]]))
print(max([[1, 2], [1, 10], [0, 100]]))
print([float('nan')] == [float('nan')])
n = float('nan')
print([n] == [n])

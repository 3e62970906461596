# list +, *, +=, *=, comparisons and membership
a = [1, 2, 3]
b = [4, 5]
print(a + b)
print(a * 2, 2 * b)
print(a * 0, a * -3)
c = a
c += [9]
print(a, c, a is c)
d = a
d = d + [10]
print(a, d, a is d)
e = [0, 1]
e *= 3
print(e)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, [2, 3]] == [1, [2, 3]])
print([1, 2, 3] <= [1, 2, 3], [1, 2, 3] >= [1, 2, 4])
print(3 in a, 7 in a, 7 not in a, [2, 3] in [[2, 3], 4])
print(['a', 'b'] < ['a', 'c'], ['b'] > ['a', 'z'])
print([1, 2.0] == [1.0, 2], [True, False] == [1, 0])
rows = [[0] * 3] * 2
rows[0][0] = 5
print(rows)

# comprehensions with multiple for clauses
print([(i, j) for i in range(3) for j in range(i)])
print([i * j for i in range(1, 4) for j in range(1, 4) if i != j])
print([c + d for c in 'ab' for d in 'xyz'])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row])
print([v for row in matrix if row[0] > 1 for v in row if v % 2])
print([[row[i] for row in matrix] for i in range(3)])
print([(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c])
print([x + y for x in [10, 20] for y in [1, 2] if x + y != 21])
print(len([0 for a in range(10) for b in range(10) if a < b]))

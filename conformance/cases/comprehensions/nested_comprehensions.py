# comprehensions nested inside comprehensions
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
table = [[i * j for j in range(1, 6)] for i in range(1, 6)]
for row in table:
    print(row)
print([sum(row) for row in table])
print([[x for x in row if x % 2 == 0] for row in table])
print({i: {j: i + j for j in range(2)} for i in range(3)})
print([sorted({x % 3 for x in row}) for row in table])

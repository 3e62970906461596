# nested lists, indexing into inner lists, modifying through aliases
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
print(grid[1], grid[1][2], grid[-1][-1])
grid[0][1] = 'X'
print(grid)
row = grid[2]
row.append('extra')
print(grid)
total = 0
for r in grid:
    for v in r:
        if isinstance(v, int):
            total += v
print(total)
deep = [1, [2, [3, [4, [5]]]]]
node = deep
depth = 0
while isinstance(node, list):
    print(depth, node[0])
    depth += 1
    if len(node) > 1:
        node = node[1]
    else:
        break
print(deep)
print(len(deep), len(deep[1]), deep[1][1][1][1][0])

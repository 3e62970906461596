# tuples as dict keys and set members
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 10 + c
print(grid[(1, 2)], grid[2, 0], len(grid))
print((1, 1) in grid, (5, 5) in grid)
pts = {(0, 0), (1, 2), (0, 0), (-1, 3)}
print(len(pts), (1, 2) in pts)
print(sorted(pts))
counts = {}
for p in [(1, 'a'), (2, 'b'), (1, 'a'), (1, 'b')]:
    counts[p] = counts.get(p, 0) + 1
print(counts)
print(pts)

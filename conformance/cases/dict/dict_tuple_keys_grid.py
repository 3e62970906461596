# grid stored as dict with tuple keys
grid = {}
rows = ['#..#', '.##.', '#..#']
for r, line in enumerate(rows):
    for c, ch in enumerate(line):
        if ch == '#':
            grid[(r, c)] = 1
print(len(grid))
print(sorted(grid))
def neighbours(grid, r, c):
    n = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if (dr, dc) != (0, 0) and (r + dr, c + dc) in grid:
                n += 1
    return n
for r in range(3):
    print(''.join([str(neighbours(grid, r, c)) for c in range(4)]))
print(grid)

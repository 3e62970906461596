# sets of int tuples, printed directly
visited = set()
path = [(0, 0), (0, 1), (1, 1), (0, 1), (1, 0), (0, 0), (2, 2)]
for p in path:
    if p in visited:
        print('again', p)
    visited.add(p)
print(visited)
print(len(visited))
moves = {(1, 0), (-1, 0), (0, 1), (0, -1)}
print(moves)
print({(a + b, a - b) for a, b in moves})

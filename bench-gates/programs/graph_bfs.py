# Graph search: breadth-first shortest paths over a generated grid with walls,
# using a dict of adjacency lists and a list as the queue.
import sys


def build_grid(width, height):
    adjacency = {}
    for y in range(height):
        for x in range(width):
            if (x * 7 + y * 13) % 11 == 0 and x % 4 != 0:
                continue
            node = (x, y)
            neighbours = []
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx = x + dx
                ny = y + dy
                if 0 <= nx < width and 0 <= ny < height:
                    if (nx * 7 + ny * 13) % 11 != 0 or nx % 4 == 0:
                        neighbours.append((nx, ny))
            adjacency[node] = neighbours
    return adjacency


def bfs(adjacency, start):
    dist = {start: 0}
    queue = [start]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        d = dist[node] + 1
        for nb in adjacency[node]:
            if nb not in dist:
                dist[nb] = d
                queue.append(nb)
    return dist


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 360
    adjacency = build_grid(size, size)
    total = 0
    farthest = 0
    nodes = list(adjacency)
    for start in (nodes[0], nodes[len(nodes) // 2], nodes[-1]):
        dist = bfs(adjacency, start)
        total += sum(dist.values())
        farthest = max(farthest, max(dist.values()))
    print(len(adjacency), total, farthest)


main()

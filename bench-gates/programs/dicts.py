# Dictionaries: counting, grouping, lookups that miss, deletion, iteration in
# insertion order and comprehensions over items.
import sys


def words(n):
    state = 12345
    out = []
    for _ in range(n):
        state = (state * 69069 + 1) % 4294967296
        out.append("w" + str(state % 5003))
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1600000
    ws = words(n)
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    groups = {}
    for w, c in counts.items():
        groups.setdefault(c, []).append(w)
    misses = 0
    for i in range(n):
        if ("w" + str(i)) not in counts:
            misses += 1
    for w in ws[::97]:
        if w in counts:
            del counts[w]
    squares = {k: v * v for k, v in counts.items() if v > 1}
    first = next(iter(squares))
    biggest = max(groups)
    print(len(counts), misses, len(squares), first, biggest, sorted(groups[biggest]))


main()

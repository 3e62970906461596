# Dynamic programming over tables: edit distance and longest common
# subsequence of generated strings, and a knapsack over a one-row table.
import sys


def make_text(seed, n):
    letters = "acgt"
    out = []
    for _ in range(n):
        seed = (seed * 48271) % 2147483647
        out.append(letters[seed % 4])
    return "".join(out)


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        ca = a[i - 1]
        for j in range(1, len(b) + 1):
            cost = 0 if ca == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[len(b)]


def lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    return table[len(a)][len(b)]


def knapsack(weights, values, capacity):
    best = [0] * (capacity + 1)
    for w, v in zip(weights, values):
        for c in range(capacity, w - 1, -1):
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
    return best[capacity]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1200
    a = make_text(7, n)
    b = make_text(11, n + n // 3)
    weights = [(i * 37) % 23 + 1 for i in range(n // 4)]
    values = [(i * 53) % 31 + 1 for i in range(n // 4)]
    print(edit_distance(a, b), lcs(a, b), knapsack(weights, values, n * 2))


main()

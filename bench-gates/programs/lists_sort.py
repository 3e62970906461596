# Lists and sorting: records as tuples sorted by several keys, stable sorts,
# binary search, slicing, appends and pops, and comprehensions.
import sys


def records(n):
    state = 42
    out = []
    for i in range(n):
        state = (state * 1664525 + 1013904223) % 4294967296
        out.append((state % 1000, -(state % 37), "r" + str(state % 9973), i))
    return out


def lower_bound(xs, key):
    lo = 0
    hi = len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 190000
    rs = records(n)
    by_name = sorted(rs, key=lambda r: r[2])
    by_pair = sorted(rs, key=lambda r: (r[1], r[0]), reverse=True)
    rs.sort()
    keys = [r[0] for r in rs]
    hits = 0
    for k in range(0, 1000, 3):
        hits += lower_bound(keys, k)
    stack = []
    for r in by_pair:
        if stack and stack[-1][1] == r[1]:
            stack.pop()
        else:
            stack.append(r)
    middle = keys[n // 4 : n // 2 : 7]
    print(hits, len(stack), by_name[0], by_pair[0], rs[-1], sum(middle), middle[:5])


main()

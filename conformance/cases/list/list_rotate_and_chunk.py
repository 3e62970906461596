# rotating and chunking lists with slicing and concatenation
def rotate(lst, k):
    if not lst:
        return lst
    k = k % len(lst)
    return lst[k:] + lst[:k]

def chunks(lst, n):
    out = []
    for i in range(0, len(lst), n):
        out.append(lst[i:i + n])
    return out

xs = list(range(1, 8))
for k in [0, 1, 3, 7, -2, 15]:
    print(k, rotate(xs, k))
print(rotate([], 3))
for n in [1, 2, 3, 5, 10]:
    print(n, chunks(xs, n))
flat = []
for c in chunks(xs, 3):
    flat.extend(c)
print(flat == xs, flat)

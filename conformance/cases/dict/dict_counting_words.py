# counting with dicts and sorting the result
text = 'the quick brown fox jumps over the lazy dog the fox'
counts = {}
for w in text.split():
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
def by_count(item):
    return (-item[1], item[0])
for w, c in sorted(counts.items(), key=by_count):
    print(w, c)
def count_of(w):
    return counts[w]
print(max(counts, key=count_of))
print(sorted(counts, key=len))

# get and setdefault with and without defaults
d = {'a': 1}
print(d.get('a'), d.get('b'), d.get('b', 0), d.get('a', 99))
print(d.setdefault('a', 5), d)
print(d.setdefault('b', [1]), d)
d.setdefault('b', []).append(2)
print(d)
print(d.setdefault('c'), d)
groups = {}
for w in ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)

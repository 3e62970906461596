# deduplicating strings with a set, printed only in sorted form
words = 'to be or not to be that is the question'.split()
uniq = set(words)
print(len(words), len(uniq))
print(sorted(uniq))
print('be' in uniq, 'was' in uniq)
seen = set()
ordered = []
for w in words:
    if w not in seen:
        seen.add(w)
        ordered.append(w)
print(ordered)
print(sorted(set('mississippi')))
print(sorted(set(words) - {'to', 'be'}))

# grouping words into anagram classes, printed in sorted order
words = ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat', 'act', 'tac',
         'dog', 'god', 'odg', 'bird', 'inlets', 'tinsel', 'rat', 'tar', 'art', 'star']
groups = {}
for w in words:
    key = ''.join(sorted(w))
    groups.setdefault(key, []).append(w)
print(len(groups))
result = sorted([sorted(g) for g in groups.values()])
for g in result:
    print(len(g), ' '.join(g))
largest = max([len(g) for g in result])
print('largest:', [g for g in result if len(g) == largest])
singles = sorted([g[0] for g in result if len(g) == 1])
print('no anagram:', singles)
def is_anagram(a, b):
    return sorted(a) == sorted(b)
print(is_anagram('dusty', 'study'), is_anagram('abc', 'abd'))

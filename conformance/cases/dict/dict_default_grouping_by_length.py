# grouping words by length, keys sorted afterwards
words = 'a bb cc ddd e fff gggg hh i jjjj'.split()
by_len = {}
for w in words:
    if len(w) not in by_len:
        by_len[len(w)] = []
    by_len[len(w)].append(w)
print(by_len)
for n in sorted(by_len):
    print(n, ','.join(by_len[n]), len(by_len[n]))
largest = max(by_len.items(), key=len)
print(largest)
print({n: len(ws) for n, ws in by_len.items()})
print(list(by_len.keys())[::-1])

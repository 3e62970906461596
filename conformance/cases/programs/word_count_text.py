# word frequency counting over a multi-line text
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""

def normalize(word):
    return word.strip('.,;:!?"\'').lower()

def freq_key(item):
    return (-item[1], item[0])

counts = {}
line_counts = []
for line in text.splitlines():
    words = [normalize(w) for w in line.split()]
    line_counts.append(len(words))
    for w in words:
        if w:
            counts[w] = counts.get(w, 0) + 1
print('lines:', len(line_counts), line_counts)
print('total words:', sum(line_counts), 'distinct:', len(counts))
for w, c in sorted(counts.items(), key=freq_key)[:8]:
    print(f'{w:>12} {c:3d} {"*" * c}')
singles = sorted([w for w, c in counts.items() if c == 1])
print('once:', ', '.join(singles))
longest = max(counts, key=len)
print('longest word:', longest, len(longest))

# splitting a string into pieces with slices and putting it back together
s = 'the quick brown fox'
n = len(s)
for k in [1, 4, 7, 19, 25]:
    head, tail = s[:k], s[k:]
    print(k, repr(head), repr(tail), head + tail == s)
evens, odds = s[::2], s[1::2]
merged = ''
for i in range(len(odds)):
    merged += evens[i] + odds[i]
merged += evens[len(odds):]
print(repr(evens), repr(odds), merged == s)
words = []
start = 0
for i in range(n + 1):
    if i == n or s[i] == ' ':
        words.append(s[start:i])
        start = i + 1
print(words, words == s.split())
print(s[-3:] + s[3:-3] + s[:3])
print(s[4:9][::-1], s[::-1][4:9])

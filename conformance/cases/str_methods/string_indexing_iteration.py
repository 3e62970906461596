# indexing and iterating over strings
s = 'python'
print(s[0], s[-1], s[2], len(s))
for i, ch in enumerate(s):
    print(i, ch, ord(ch))
vowels = 0
for ch in 'programming language':
    if ch in 'aeiou':
        vowels += 1
print(vowels)
print(list(s), tuple(s[:2]), list(reversed(s)))
print([c.upper() for c in s if c not in 'yo'])

# finding palindromic substrings using slices
def is_pal(s):
    return s == s[::-1]

text = 'abacdcaba'
found = []
for i in range(len(text)):
    for j in range(i + 2, len(text) + 1):
        if is_pal(text[i:j]):
            found.append(text[i:j])
print(found)
print(max(found, key=len))
words = ['level', 'lever', 'noon', 'moon', 'a', '']
print([w for w in words if is_pal(w)])
print([w[1:-1] for w in words])

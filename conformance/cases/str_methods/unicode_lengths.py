# unicode strings: len, upper, indexing by code point
s = 'naïve café 日本語 ü'
print(len(s), s.upper(), s[6:10], s[-5:])
print([ord(c) for c in s[-5:]])
print(s.encode())
print('ǅ'.lower(), 'ǅ'.upper(), 'ǆ'.title(), 'ﬁ'.upper())
print('İ'.lower(), len('İ'.lower()), 'ß'.upper(), 'ß'.casefold())
for ch in ['a', 'é', '€', '日', 'ü']:
    print(ch, ord(ch), repr(ch.upper()), ch.isalpha(), ch.encode())
print(len('e\u0301'), 'e\u0301'.upper(), len('\U0001F600'), ord('\U0001F600'))

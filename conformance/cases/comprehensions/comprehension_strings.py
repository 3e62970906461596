# string processing with comprehensions
text = 'The Rain in Spain Stays Mainly in the Plain'
words = text.split()
print([w for w in words if 'ain' in w])
print([w.lower() for w in words if w[0].isupper()])
print(''.join([c for c in text if c.lower() not in 'aeiou ']))
print({w.lower(): len(w) for w in words})
print([len(w) for w in words])
print(' '.join([w[::-1] for w in words]))
print([i for i, c in enumerate(text) if c == 'i'])

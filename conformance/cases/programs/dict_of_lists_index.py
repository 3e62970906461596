# building an inverted index as a dict of lists
docs = [
    'the cat sat on the mat',
    'the dog ate the cat food',
    'a bird sat on a wire',
    'dog and cat and bird',
]
index = {}
for doc_id, doc in enumerate(docs):
    for pos, word in enumerate(doc.split()):
        index.setdefault(word, []).append((doc_id, pos))
for word in sorted(index):
    print(f'{word:<5} {index[word]}')

def lookup(words):
    result = None
    for w in words.split():
        ids = set([d for d, _ in index.get(w, [])])
        result = ids if result is None else result & ids
    return sorted(result) if result else []

for q in ['cat', 'cat sat', 'dog cat', 'bird', 'fish', 'the cat']:
    hits = lookup(q)
    print(repr(q), hits, [docs[h] for h in hits])
print(max(index, key=len), len(index))

# cleaning tokens with strip of punctuation
text = '"Hello," she said. (Really?) -- yes! [ok]'
tokens = []
for raw in text.split():
    t = raw.strip('"\'.,!?()[]-')
    if t:
        tokens.append(t)
print(tokens)
print([t.lower() for t in tokens if t.isalpha()])
print(len(tokens), sum([len(t) for t in tokens]))

# one iterator consumed from several places
it = iter(range(10))
first = [next(it) for _ in range(3)]
print(first)
pairs = list(zip(it, it))
print(pairs)
print(list(it))
z = zip('abc', [1, 2, 3])
print(next(z), list(z))
e = enumerate('xyz')
print(list(e), list(e))
words = iter(['alpha', 'beta', 'gamma', 'delta'])
for w in words:
    if w == 'beta':
        print('skip', next(words))
    else:
        print('got', w)

# enumerate with start values and over different iterables
print(list(enumerate('abc')))
print(list(enumerate(['x', 'y'], 1)))
print(list(enumerate(range(3), -2)))
print(list(enumerate([])))
for i, ch in enumerate('hey', 100):
    print(i, ch)
e = enumerate([7, 8, 9])
print(next(e), next(e))
print(list(e))
print(dict(enumerate('ab', 10)))

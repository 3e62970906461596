# sorted with key and reverse on various iterables
def last_char(s):
    return s[-1]

print(sorted([3, 1, 2]), sorted((9, 7, 8)), sorted('banana'), sorted(range(5, 0, -1)))
print(sorted({'b': 1, 'a': 2}), sorted({5, -1, 3}))
words = ['delta', 'Alpha', 'charlie', 'bravo', 'Echo']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=last_char))
print(sorted([-4, 3, -2, 1], key=abs), sorted([-4, 3, -2, 1], key=abs, reverse=True))
print(sorted([]), sorted([[2, 1], [1, 2], [1]]))
orig = [3, 2, 1]
new = sorted(orig)
print(orig, new)

# edge cases with empty lists and repetition
e = []
print(e * 5, len(e * 5), e + e)
print([None] * 4)
print([[]] * 3)
print(['ab'] * 2 + ['c'])
x = [1, 2]
x *= 0
print(x)
y = [3]
y *= -1
print(y)
z = [7]
z *= 1
print(z)
print(not [], not [0], bool([[]]))
print(len([[], [], []]), [] == [], [] is [])

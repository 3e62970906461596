# slice assignment replacing same number of elements
xs = list(range(8))
xs[2:4] = ['a', 'b']
print(xs)
xs[::2] = [10, 20, 30, 40]
print(xs)
xs[::-3] = 'XYZ'
print(xs)
xs[1:7:2] = (7, 8, 9)
print(xs)
# the value is the list itself, or a reversed copy of part of it
rows = [[i] for i in range(6)]
rows[:] = rows
print(rows)
rows[::-1] = rows
print(rows)
perm = list(range(7))
k = perm[3]
while k:
    perm[:k + 1] = perm[k::-1]
    k = perm[0]
print(perm)
nested = [[1], [2], [3], [4]]
nested[1:3] = nested[2:0:-1]
nested[0:2] = [nested[1], nested[0]]
print(nested, nested[0] is nested[3])

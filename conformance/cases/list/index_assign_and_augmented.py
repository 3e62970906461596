# item assignment and augmented assignment on list elements
xs = [1, 2, 3, 4, 5]
xs[0] = 10
xs[-1] = 50
print(xs)
xs[1] += 100
xs[2] *= 7
xs[3] -= 9
xs[-2] **= 2
print(xs)
names = ['a', 'b']
names[0] += 'pple'
names[1] *= 3
print(names)
m = [[1, 2], [3, 4]]
m[0][1] += 40
m[1][0] //= 2
print(m)
counts = [0] * 5
for v in [1, 3, 3, 4, 1, 1, 0]:
    counts[v] += 1
print(counts)
lst = [[]] * 2
lst[0] += [1]
print(lst)
i = 0
arr = [5, 6, 7]
arr[i] = i = 2
print(arr, i)

# sliding windows with slices
data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
for k in [1, 2, 3, 4]:
    sums = [sum(data[i:i + k]) for i in range(len(data) - k + 1)]
    print(k, sums, max(sums))
print(data[::2], data[1::2])
print([data[i:i + 3] for i in range(0, len(data), 3)])
pairs = [data[i:i + 2] for i in range(len(data) - 1)]
print([p for p in pairs if p[0] < p[1]])
print(max([sum(data[i:j]) for i in range(len(data)) for j in range(i + 1, len(data) + 1)]))

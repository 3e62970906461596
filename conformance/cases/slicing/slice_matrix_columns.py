# extracting rows, columns and sub-matrices with slices
m = [[r * 4 + c for c in range(4)] for r in range(4)]
for row in m:
    print(row)
print([row[1] for row in m])
print([row[1:3] for row in m[1:3]])
print([m[i][i] for i in range(4)], [m[i][-1 - i] for i in range(4)])
print(m[::-1][0][::-1])
top = m[:2]
top[0][0] = 'T'
print(m[0])

# slices produce shallow copies
rows = [[1, 2], [3, 4], [5, 6]]
part = rows[1:]
part[0].append('shared')
part[1] = 'replaced'
print(rows)
print(part)
s = 'abc'
print(s[:] == s, s[::1] == s)
rev = rows[::-1]
rev[0][0] = 'X'
print(rows)

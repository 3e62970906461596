for i in range(3):
    pass
print(i)
for j in range(5, 10):
    if j == 7:
        break
print(j)
k = "unchanged"
for k in range(0):
    pass
print(k)

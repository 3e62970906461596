count = 0
for i in range(10):
    for j in range(i):
        if (i + j) % 3 == 0:
            continue
        count += i * j
print(count)
i = 0
while True:
    i += 1
    k = 0
    while k < i:
        k += 2
    if i > 6:
        break
print(i, k)

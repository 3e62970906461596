for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(10):
    if i % 3 == 0:
        continue
    print(i, end=" ")
print()
for i in range(3):
    pass
else:
    print("for-else ran", i)

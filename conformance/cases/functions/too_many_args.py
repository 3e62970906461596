def one(a, b=2):
    return a + b
print(one(1))
one(1, 2, 3)

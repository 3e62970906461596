for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
x = 10
y = x // 2 if x % 2 == 0 else 3 * x + 1
print(y, (1 if True else 1 / 0), (1 / 0 if False else 2))

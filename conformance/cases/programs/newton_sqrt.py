def sqrt(x):
    guess = x / 2.0
    for i in range(30):
        guess = (guess + x / guess) / 2
    return guess
for v in (2, 10, 144, 1e10, 0.25):
    print(v, sqrt(v), round(sqrt(v), 6))

def noisy(x):
    print("eval", x)
    return x
print(noisy(1) < noisy(2) < noisy(3))
print(noisy(3) < noisy(2) < noisy(1))
print(noisy(1) == noisy(1) == noisy(2) == noisy(99))

x = 10 ** 4299
print(len(str(x)))
print(len(str(x * 10)))

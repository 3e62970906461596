print(len("ab" * 3), "" * (2 ** 62), len("x" * 0))
print(len("ab" * (2 ** 62)))

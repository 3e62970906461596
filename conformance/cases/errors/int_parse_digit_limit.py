print(int("9" * 4300) % 97)
print(int("9" * 4301))

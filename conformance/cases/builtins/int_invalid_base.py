print(int("10", 36))
print(int("10", 37))

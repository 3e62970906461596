print(int("1_2_3"))
print(int("1__2"))

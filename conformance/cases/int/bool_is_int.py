print(True + True, True * 10, False - 1, True / 2, True // 1, -True, +False, ~True)
print(True & False, True | False, True ^ True, True & 1, False | 2, True << 3)
print(True == 1, False == 0, True > False, True + 0.5, True ** 10)

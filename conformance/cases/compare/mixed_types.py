print(1 == "1", "1" != 1, None == 0, None == None, 0 == False, 1.0 == True)
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64)
print(float("inf") > 10 ** 400, float("-inf") < -(10 ** 400), 10 ** 400 > 1e308)
print(float("nan") == 1, float("nan") < 10 ** 400, 3 != 3.5)

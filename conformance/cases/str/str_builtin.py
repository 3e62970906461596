print(str(), str(42), str(-0.0), str(1e100), str(True), str(None), str("x"))
print(str(2 ** 100), str(1 / 3), str(-(10 ** 25)))
print(str(12) + str(34), str(str(5)))

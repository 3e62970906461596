print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-(2 ** 70)), abs(True), abs(-0.0), abs(float("-inf")))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(2 ** 70, 7), divmod(7.5, 2))
q, r = divmod(100, 7)
print(q, r, q * 7 + r)

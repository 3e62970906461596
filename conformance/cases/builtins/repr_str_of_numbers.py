print(repr(0.1), str(0.1), repr(1e16), repr(-0.0), repr(2 ** 64), str(-7))
print(repr(float("inf")), repr(float("-inf")), repr(float("nan")))

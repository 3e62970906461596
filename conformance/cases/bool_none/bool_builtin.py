print(bool(), bool(True), bool(False), bool("False"), bool(float("nan")))
print(int(bool(5)) + 1, str(bool(0)), repr(bool(1)))

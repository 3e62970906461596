print(True, False, None, not True, not False, not None)
print(True and False, True or False, None or 0, 0 or None, "" or "x", "a" and "b")
print(bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(0.1), bool(None), bool(2 ** 100))
print(True == True, True is True, None is None, None is not None)

print(int(3.9), int(-3.9), int(0.0), int(-0.0), int(1e20), int(-1e20), int(2.0 ** 80))
print(int(1.7976931348623157e308) % 1000007)
print(int(True), int(False), int(42), int(-(2 ** 70)))

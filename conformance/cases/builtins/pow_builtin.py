print(pow(2, 10), pow(2.0, 3), pow(2, -2), pow(-8, 1 / 3 * 3) if False else pow(9, 0.5))
print(pow(5, 3, 13), pow(-5, 3, 13), pow(5, 0, 1), pow(5, 3, -13), pow(0, 0, 7))
print(pow(2, 100, 10 ** 9 + 7), pow(3, -2, 11), pow(2, 3, None))

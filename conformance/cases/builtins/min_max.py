print(min(3, 1, 2), max(3, 1, 2), min(-1, -1.0), max(-1, -1.0), min(1.0, 1), max(1.0, 1))
print(max(2 ** 70, 2.0 ** 70), min("b", "a", "c"), max(True, 0), min(5, 5.5))
print(max(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), min(float("nan"), 1), max(1, float("nan")))

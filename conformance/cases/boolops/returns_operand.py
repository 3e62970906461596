print(0 and 1, 1 and 0, 2 and 3, "" and "x", "x" and "", None and 1)
print(0 or 1, 1 or 0, 0 or "", "" or 0, None or None, 0.0 or -0.0)
print(1 and 2 or 3, 0 and 2 or 3, 0 or 0 and 1, (1 or 2) and (0 or 5))
x = 5
print(x > 3 and x < 10, x > 3 and "big", x < 3 or "small")

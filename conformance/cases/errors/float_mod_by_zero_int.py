print(5 % 0.0)

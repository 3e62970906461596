print(2.5 % 0.0)

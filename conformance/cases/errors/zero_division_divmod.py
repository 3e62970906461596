print(divmod(1.0, 0.0))

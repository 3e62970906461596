for a in (7, -7, 6, -6, 0):
    for b in (3, -3, 2, -2, 1, -1):
        print(a, b, a // b, a % b, divmod(a, b))

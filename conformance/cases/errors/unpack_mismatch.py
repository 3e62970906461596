a, b = divmod(7, 2)
print(a, b)
x, y, z = divmod(7, 2)

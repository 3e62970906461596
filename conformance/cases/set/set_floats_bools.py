# sets with floats and bools
print({1.5, 2.5, 0.5, -0.5})
print({True, False}, {True, 1, 1.0}, {0, False, 0.0})
print({0.1, 0.2, 0.3})
print({1.0, 2, 3.0, 4})
print({float('inf'), -1.0, 1e300})
s = {2.0}
s.add(2)
print(s)
print({1, True, 2, 2.0})

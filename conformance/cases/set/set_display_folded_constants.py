# set displays whose items CPython folds into constants keep CPython's layout
print({44 + 1, 5, 52})
print({1000, 5, 2 ** 40, -1, 33, 64, 1, 2})
print({-3, 7 * 8, 1 << 5, 2})
n = 45
print({n, 5, 52})

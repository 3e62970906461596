# Found by `skink fuzz` (seed 103576), minimized: CPython's AST optimizer folds
# constant[constant], so this set display is a constant one (built from a
# frozenset, in its layout).
v23 = ({0, (37, '')[0], (-7 - -12)} - set())
print(v23)
print({0, (37, '')[0], 5}, {0, (37, '')[0], 5} - set())
print({1, 'abc'[1] == 'b', 9}, {'xyz'[-1], 'a', 'q'} == {'z', 'a', 'q'})
print((1, 2, 3)[1] + 40, (1, 2)[5 - 4], 'héllo'[1])
print({-(2 ** 70), (10, 20, 30)[-1], 4, 12, 16})

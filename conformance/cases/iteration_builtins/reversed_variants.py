# reversed on lists, tuples, strings, ranges and dicts
print(list(reversed([1, 2, 3])), tuple(reversed((4, 5))), ''.join(reversed('abc')))
print(list(reversed(range(0, 10, 3))), list(reversed({'a': 1, 'b': 2})))
print(list(reversed([])))
r = reversed([10, 20, 30])
print(next(r), next(r), list(r), list(r))
xs = [1, 2, 3]
for x in reversed(xs):
    print(x, end=' ')
print()
print(list(reversed({'x': 1, 'y': 2}.items())))

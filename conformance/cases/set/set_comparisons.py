# subset/superset relations and equality
a = {1, 2}
b = {1, 2, 3}
c = {4}
print(a < b, a <= b, b > a, b >= a, a > b)
print(a < a, a <= a, a == set(a))
print(a.isdisjoint(c), b.isdisjoint(a))
print(set() < a, set() <= set(), set().issubset(a))
print({1, 2} == frozenset([1, 2]), {1} < frozenset([1, 2]))
print(a == [1, 2], a != (1, 2))

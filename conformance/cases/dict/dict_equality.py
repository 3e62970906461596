# dict equality ignores order; values compared by ==
a = {'x': 1, 'y': 2}
b = {'y': 2, 'x': 1}
print(a == b, a != b, list(a) == list(b))
print({1: 'a'} == {1.0: 'a'}, {True: 1} == {1: 1})
print({'k': [1, 2]} == {'k': [1, 2]}, {'k': (1,)} == {'k': [1]})
print({} == {}, {} == [], {1: 2} != {1: 3})
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d)
print(a.keys() == b.keys(), a.items() == b.items())

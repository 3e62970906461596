# repr of dicts with string escapes and nested containers
d = {'q': "it's", 'dq': 'say "hi"', 'nl': 'a\nb', 'both': 'it\'s "x"'}
print(d)
print(repr(d))
print(str({'a': [1, (2,)], 'b': {'c': None}}))
print({1: {}, 2: [], 3: ()})
e = {}
e['self'] = e
print(e)
print({'f': 1.0, 'g': 1e100, 'h': -0.0})

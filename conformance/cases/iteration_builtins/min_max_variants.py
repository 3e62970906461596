# min and max with key, default and multiple arguments
print(min(3, 1, 2), max(3, 1, 2), min('b', 'a'), max([1, 5, 3]))
print(min([], default=None), max((), default='empty'), max([7], default=0))
words = ['pear', 'fig', 'banana', 'kiwi']
print(min(words, key=len), max(words, key=len), min(words), max(words))
print(max([-10, 5, -3], key=abs), min(-10, 5, -3, key=abs))
print(max([(1, 'b'), (1, 'a')]), min('hello'), max(range(10)))
print(max(1, 2.0), max(2.0, 2), min(True, 1), max([0.1, 0.2, 0.30000000000000004]))
print(max({'a': 3, 'b': 1}), min({5, 2, 9}))
print(max(['a', 'bb', 'cc', 'd'], key=len))

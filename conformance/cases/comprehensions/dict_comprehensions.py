# dict comprehensions including duplicate keys and nested loops
print({n: n ** 2 for n in range(6)})
print({c: ord(c) for c in 'hello'})
words = ['apple', 'bob', 'kayak', 'level', 'zed']
print({w: w == w[::-1] for w in words})
print({w[0]: w for w in words})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
d = {'a': 1, 'b': 2, 'c': 3}
print({v: k for k, v in d.items()})
print({k: v * 10 for k, v in d.items() if v != 2})
print({k: [x for x in range(v)] for k, v in d.items()})

# basic list comprehensions with conditions
nums = list(range(-5, 11))
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print([n if n >= 0 else -n for n in nums])
print([str(n) for n in nums if n > 0 if n % 2])
print([c.upper() for c in 'hello' if c != 'l'])
print([x for x in []], [0 for _ in range(3)])
print([[n, n + 1] for n in range(3)])
words = ['a', 'bb', 'ccc']
print([w * len(w) for w in words])
print([len(w) > 1 for w in words], [i for i in range(20) if i % 7 == 3])

# iterating over tuples with builtins
t = (5, 3, 8, 1)
for x in t:
    print(x, end=' ')
print()
print(list(reversed(t)), sorted(t), tuple(sorted(t, reverse=True)))
print(list(enumerate(t, 1)))
print(list(zip(t, ('a', 'b', 'c'))))
print(tuple(map(str, t)), sum(t), any(t), all(t + (0,)))
total = 0
for i, v in enumerate(t):
    total += i * v
print(total)
print(tuple([x * 2 for x in t]), tuple([x for x in t if x > 2]))

# conditional expressions inside comprehensions
print(['fizzbuzz' if n % 15 == 0 else 'fizz' if n % 3 == 0 else 'buzz' if n % 5 == 0 else n for n in range(1, 21)])
print([x if x > 0 else 0 for x in [-2, 5, -1, 3]])
print({k: ('even' if k % 2 == 0 else 'odd') for k in range(5)})
print([(x, 'big') if x > 2 else (x, 'small') for x in range(5)])
sign = ['neg' if x < 0 else 'zero' if x == 0 else 'pos' for x in [-2, 0, 3]]
print(sign)
print([x // 2 if x % 2 == 0 else 3 * x + 1 for x in range(1, 11)])
print({x: x * x if x > 2 else -x for x in range(6) if x % 2})
print([(a if a > b else b) for a, b in [(1, 2), (5, 3), (4, 4)]])
print([[c if c != ' ' else '_' for c in w] for w in ['a b', ' c']])

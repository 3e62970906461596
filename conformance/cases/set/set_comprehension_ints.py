# set comprehensions over ints
evens = {x for x in range(20) if x % 2 == 0}
print(evens)
mods = {x % 7 for x in range(100)}
print(mods)
squares = {x * x for x in range(-5, 6)}
print(squares)
pairs = {(x, y) for x in range(3) for y in range(3) if x <= y}
print(pairs)
print(sorted(pairs))
print({abs(x) for x in [-3, 3, -2, 2, 0]})

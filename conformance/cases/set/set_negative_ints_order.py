# iteration order of sets containing negative ints
s = {-1, -2, -3, 0, 1, 2, 3}
print(s)
print({-5, 5, -10, 10, -100, 100})
t = set()
for v in [-7, 7, -8, 8, -1, 1, -2]:
    t.add(v)
print(t)
print(list(t), sorted(t))
print({-1} | {-2}, {-(2 ** 40), 2 ** 40})

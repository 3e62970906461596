# an exception raised inside a comprehension propagates
vals = [4, 2, 1, 0, 5]
print([10 // v for v in vals if v])
print({v: 100 // v for v in vals[:3]})
safe = [12 // v if v else None for v in vals]
print(safe)
print([v for v in vals if v and 12 % v == 0])
print([[12 // v for v in vals[:k]] for k in range(1, 4)])
print(sum([12 // v for v in vals if v != 0]))
print([12 // v for v in vals])

# range.index and range.count work arithmetically
r = range(3, 30, 3)
print(r.index(9), r.count(9), r.count(10))
r.index(10)

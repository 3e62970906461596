# set order after removing elements and re-adding others
s = set(range(20))
for v in range(0, 20, 3):
    s.remove(v)
print(s)
s.add(100)
s.add(3)
print(s)
for v in [1, 2, 4, 5]:
    s.discard(v)
s.add(33)
s.add(65)
print(s)
print(s.pop(), s.pop(), s)
s.add(0)
print(s)

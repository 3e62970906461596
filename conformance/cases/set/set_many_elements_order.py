# set order after many insertions and resizes
s = set()
for i in range(40):
    s.add((i * 37) % 101)
print(s)
print(len(s))
t = set([i * i for i in range(30)])
print(t)
u = set(range(100, 0, -9))
print(u)
w = {i * 1000 for i in range(20)}
print(w)

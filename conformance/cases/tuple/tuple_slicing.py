# slicing tuples returns tuples
t = tuple(range(10))
print(t[2:5], t[:3], t[7:], t[::3], t[::-1])
print(t[-3:], t[-3:-1], t[5:2], t[5:2:-1])
print(type(t[1:2]).__name__, t[1:2], t[100:])
print(t[:] is t or t[:] == t)
s = ('a', 'b', 'c', 'd')
print(s[1::2], s[-1::-2], s[::-1][:2])
for k in range(0, 11, 5):
    print(k, t[k:], t[:k], t[k::-3])

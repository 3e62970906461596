# discard, remove and pop on int sets
s = set(range(0, 50, 7))
print(s)
s.discard(14)
s.discard(1000)
print(s)
s.remove(21)
print(s)
popped = []
while len(s) > 2:
    popped.append(s.pop())
    print(popped[-1], s)
print(popped)
try:
    s.remove(12345)
except KeyError as e:
    print('KeyError', e)
e = set()
try:
    e.pop()
except KeyError as err:
    print('KeyError', err)

# removing a missing element ends with KeyError
s = {10, 20, 30}
s.remove(20)
print(s)
s.discard(20)
print(s)
s.add(40)
s.add(-5)
print(s, sorted(s))
s.remove(-5)
print(s)
s.remove(20)

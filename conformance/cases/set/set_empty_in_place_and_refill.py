# emptying a big set in place, then refilling it
s = set(range(100))
alias = s
print(len(s))
s.difference_update(set(s))
print(s, len(alias), s is alias)
for v in [64, 32, 16, 8, 4, 2, 1, 200, 129]:
    s.add(v)
print(s)
s -= set(s)
s.add(-1)
s.add(-2)
s.add(73)
print(s, alias)
t = {1, 2, 3}
t &= set()
t |= {9, 5, 7}
print(t)

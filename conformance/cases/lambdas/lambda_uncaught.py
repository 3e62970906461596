parse = lambda s: int(s.strip())
vals = []
for s in [" 1", "2 ", " 30 "]:
    vals.append(parse(s))
print(vals)
pick = lambda d, k: d[k]
print(pick({"a": 1}, "a"))
try:
    pick({"a": 1}, "b")
except KeyError as e:
    print("KeyError", e)
print(parse("forty"))

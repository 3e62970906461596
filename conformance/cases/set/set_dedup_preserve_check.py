# finding duplicates and unique elements of an int list
data = [4, 8, 15, 16, 23, 42, 8, 4, 4, 99, -1, -1]
seen = set()
dups = set()
for x in data:
    if x in seen:
        dups.add(x)
    seen.add(x)
print(seen)
print(dups)
print(seen - dups)
print(len(data) - len(seen))
print(sorted(seen, reverse=True))

# partial results survive when an exception interrupts a loop
results = []
try:
    for x in [4, 2, 1, 0, -1]:
        results.append(8 // x)
except ZeroDivisionError as e:
    print('stopped:', e)
print(results)
d = {}
try:
    for k, v in [('a', 1), ('b', 2), (['c'], 3), ('d', 4)]:
        d[k] = v
except TypeError as e:
    print('stopped:', e)
print(d)

# comparing self-referencing lists raises RecursionError, as in CPython
a = [1]
a.append(a)
b = [1]
b.append(b)
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
print(repr(a))
nested = []
for i in range(5000):
    nested = [nested]
try:
    print(len(repr(nested)))
except RecursionError as e:
    print("RecursionError:", e)

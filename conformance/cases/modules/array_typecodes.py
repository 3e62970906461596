import array
from array import array as arr
a = array.array('d', [1.0, 2.5])
a.append(3)
print(a, len(a), a[0], a[-1], list(a), a.tolist(), a.typecode, a.itemsize)
b = arr('B', [0] * 6)
for i in range(2):
    b[i * 3 + 2] = 255
print(b, sum(b), b[1:4], b == arr('B', [0, 0, 255, 0, 0, 255]))
for bad in (256, -1):
    try:
        b[0] = bad
    except OverflowError as e:
        print("OverflowError", e)
try:
    b[0] = 1.5
except TypeError as e:
    print("TypeError", e)
try:
    b[10]
except IndexError as e:
    print("IndexError", e)
i = arr('i', range(5))
i.reverse()
print(i, i.pop(), i.index(3), i.count(9), arr('l'), bool(arr('b')))
try:
    arr('z')
except ValueError as e:
    print(e)
print(b.tobytes())

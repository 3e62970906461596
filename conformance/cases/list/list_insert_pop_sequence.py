# sequence of insert/pop to maintain a sorted list
def insert_sorted(lst, v):
    i = 0
    while i < len(lst) and lst[i] < v:
        i += 1
    lst.insert(i, v)
    return i

data = []
for v in [42, 7, 19, 7, 100, -3, 55, 0]:
    pos = insert_sorted(data, v)
    print('insert', v, 'at', pos, data)
while len(data) > 2:
    lo = data.pop(0)
    hi = data.pop()
    print('trim', lo, hi, data)
print(data)

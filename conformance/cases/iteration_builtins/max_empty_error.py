# max of an empty sequence without default raises ValueError
print(max([3, 9, 2]))
print(max([], default=0))
try:
    min([])
except ValueError as e:
    print('caught:', e)
print(min([4, 2, 8], default=-1), max('', default='?'))
print(max((5,)), min([[2], [1, 9]]))
print(max([]))

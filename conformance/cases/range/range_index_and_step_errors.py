# range indexing errors and a zero step
r = range(0, 30, 5)
print(r[5], list(r).index(25))
try:
    r[6]
except IndexError as e:
    print('caught:', e)
try:
    range(1, 5, 0)
except ValueError as e:
    print('caught:', e)
print(r[-7])

# an invalid format spec raises ValueError
x = 42
print(f'{x:5d}|{x:x}')
try:
    print(f'{"abc":d}')
except ValueError as e:
    print('caught:', e)
try:
    print(f'{3.5:d}')
except ValueError as e:
    print('caught:', e)
print(f'{x:q}')

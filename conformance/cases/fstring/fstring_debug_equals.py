# self-documenting expressions with =
x = 10
name = 'Ada'
xs = [1, 2]
print(f'{x=}')
print(f'{x = }')
print(f'{x * 2 + 1=}')
print(f'{name=}')
print(f'{name=!s}')
print(f'{x=:5}|')
print(f'{xs=} {len(xs)=}')
print(f'{3.14159=:.2f}')

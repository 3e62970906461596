# nested replacement fields in format specs
width = 10
prec = 3
val = 3.14159265
for w in [6, 8, 12]:
    print(f'[{val:{w}.{prec}f}]')
print(f'[{"x":{"^"}{width}}]')
fill = '*'
align = '>'
print(f'[{42:{fill}{align}{width}}]')
for p in range(4):
    print(f'{val:.{p}f} {val:{width}.{p}e}')
fmt = '08.3f'
print(f'{val:{fmt}}')

# parsing a non-numeric string with int raises ValueError
values = ['12', ' 7 ', '-3', '0042']
total = 0
for v in values:
    total += int(v)
    print(v.strip(), total)
try:
    int('3.5')
except ValueError as e:
    print('caught:', e)
try:
    float('abc')
except ValueError as e:
    print('caught:', e)
print(int('twelve'))

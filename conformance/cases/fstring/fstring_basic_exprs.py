# f-strings with simple expressions
name = 'Ada'
n = 7
xs = [1, 2, 3]
d = {'k': 'v'}
print(f'hello {name}!')
print(f'{n} squared is {n * n}, half is {n / 2}')
print(f'{xs} {xs[0]} {xs[-1] + 10} {len(xs)}')
print(f"{d['k']} {d} {d.get('z', 'none')}")
print(f'{name.upper()} {name[::-1]} {name * 2}')
print(f'{n > 5} {n if n % 2 else -n} {None} {3.0} {True + 1}')
print(f'{{braces}} {{{n}}}')
print(f'' == '', f'{""}' == '', f'plain')
print(f'{1 + 2}{3 * 4}{"x"}')

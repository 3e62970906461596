# too few arguments for the fields raises IndexError
print('{} {}'.format(1, 2))
print('{0} {1} {0}'.format('a', 'b'))
try:
    '{} {} {}'.format(1, 2)
except IndexError as e:
    print('caught:', e)
try:
    '{missing}'.format('positional')
except KeyError as e:
    print('caught KeyError:', e)
print('{2}'.format('only', 'two'))

# argument count mismatch raises TypeError
print('%s-%s' % ('a', 'b'))
try:
    print('%s %s' % ('only',))
except TypeError as e:
    print('caught:', e)
try:
    print('%d' % 'x')
except TypeError as e:
    print('caught:', e)
try:
    print('%(k)s' % {'j': 1})
except KeyError as e:
    print('caught KeyError:', e)
print('%s' % ('one', 'two'))

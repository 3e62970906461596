# single values vs tuples on the right-hand side of %
t = (1, 2)
print('%s' % (t,))
print('%s and %s' % t)
print('%s' % [1, 2, 3])
print('%s' % {'a': 1})
print('value: %s' % 'lone')
msg = 'count=%d'
for n in range(3):
    print(msg % n)
print('%s %s' % ('a', ('b', 'c')))

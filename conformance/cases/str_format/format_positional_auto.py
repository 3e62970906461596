# automatic and explicit positional fields
print('{} {} {}'.format('a', 'b', 'c'))
print('{2} {1} {0}'.format('a', 'b', 'c'))
print('{0} {0} {1} {0}'.format('x', 'y'))
print('{}'.format([1, 2]), '{}'.format((3,)), '{}'.format({'k': 1}), '{}'.format(None))
print('{} items'.format(5), 'no fields'.format(1, 2))
template = 'Dear {}, you owe {} coins.'
for who, amt in [('ann', 5), ('bob', 12)]:
    print(template.format(who, amt))
print('{}{}{}'.format(1, 2.0, 'three'), '{}'.format(''), '[{}]'.format(' '))
print('{0}{1}{0}{1}'.format('-', '='))

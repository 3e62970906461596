# join with various separators and iterables
words = ['alpha', 'beta', 'gamma']
print(' '.join(words), ','.join(words), ''.join(words), ' -> '.join(words))
print('-'.join('abc'), '+'.join(('1', '2')), '|'.join([]))
print(', '.join([str(i) for i in range(5)]))
print('\n'.join(['line1', 'line2']))
d = {'x': 1, 'y': 2}
print('&'.join(d), '&'.join([k + '=' + str(v) for k, v in d.items()]))
print(''.join(reversed('stressed')), '.'.join(sorted('cab')))
print(', '.join(sorted(['pear', 'apple', 'fig'], key=len)))
print(''.join([ch * 2 for ch in 'abc']), ' '.join(''), '-'.join(['', '', '']))

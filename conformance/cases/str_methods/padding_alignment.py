# center, ljust, rjust and zfill
for w in ['a', 'abc', 'abcdef']:
    print('[' + w.center(7) + ']', '[' + w.ljust(5, '.') + ']', '[' + w.rjust(5, '*') + ']')
print('[' + 'ab'.center(5, '-') + ']', '[' + 'abc'.center(6, '-') + ']', '[' + 'abc'.center(2) + ']')
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(6), '12345'.zfill(3))
print('-'.zfill(3), ''.zfill(2), '3.14'.zfill(8))
for n in [0, 1, 2, 3, 4]:
    print('[' + 'x' * n + ']', '[' + ('x' * n).center(6, '.') + ']', '[' + ('x' * n).center(5, '.') + ']')
print('[' + 'abc'.ljust(2) + ']', '[' + 'abc'.rjust(3) + ']', '[' + ''.ljust(3, '0') + ']')
print('[' + 'é'.center(5) + ']', '[' + 'ab'.center(5, '-') + ']', '[' + 'ab'.center(4, '-') + ']')

# width, fill and alignment via str.format
for s in ['x', 'four', 'sixsix']:
    print('[{:<6}] [{:>6}] [{:^6}] [{:_^8}] [{:0>4}]'.format(s, s, s, s, s))
for n in [3, -3, 300]:
    print('[{:5d}] [{:<5d}] [{:^5d}] [{:05d}] [{:=+6d}] [{:*>6}]'.format(n, n, n, n, n, n))
for s in ['', 'abcdefgh']:
    print('[{:<4}] [{:>4}] [{:^4}] [{:.^10}]'.format(s, s, s, s))
print('[{:^6}] [{:^7}]'.format('ab', 'ab'))
print('[{:>+8.2f}] [{:<+8.2f}] [{:^+9.2f}] [{:=+9.2f}]'.format(3.14159, 3.14159, -3.14159, -3.14159))
print('[{:<3}] [{:>3}]'.format('toolong', 'toolong'))

# one template reused across a loop with repeated fields
tpl = '{0:>3}: {1:<6} | {1:>6} | {2:08.3f}'
for i, (word, val) in enumerate([('one', 1.0), ('two', 22.5), ('three', -3.125)]):
    print(tpl.format(i, word, val))
line = '{0}' * 3 + '{1}'
print(line.format('ab', '!'))
print(('{} ' * 4).format(1, 2, 3, 4).strip())
row = '|{:^5}|{:^5}|'
for a, b in [(1, 2), ('x', 'y'), (True, None)]:
    print(row.format(str(a), str(b)))

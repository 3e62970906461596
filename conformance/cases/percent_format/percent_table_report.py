# a small aligned report using printf-style formatting
items = [('coffee', 2, 3.5), ('bagel', 12, 1.25), ('juice', 1, 4.0), ('tea', 30, 0.9)]
print('%-10s %5s %8s' % ('item', 'qty', 'cost'))
print('%s' % ('-' * 25))
total = 0.0
for name, qty, unit in items:
    cost = qty * unit
    total += cost
    print('%-10s %5d %8.2f' % (name, qty, cost))
print('%-10s %5s %8.2f' % ('total', '', total))
print('avg %.3f over %d items' % (total / len(items), len(items)))

# list of tuples used as lightweight records
def price(r):
    return r[2]

items = [('apple', 3, 0.5), ('pear', 0, 0.75), ('melon', 2, 2.25), ('plum', 10, 0.2)]
for name, qty, unit in items:
    print(f'{name:<6} {qty:>3} {unit:5.2f} {qty * unit:6.2f}')
total = 0.0
for rec in items:
    total += rec[1] * rec[2]
print(round(total, 2))
print(max(items, key=price))
print(min(items, key=price)[0])
in_stock = [r[0] for r in items if r[1] > 0]
print(in_stock)

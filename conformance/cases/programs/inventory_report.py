# inventory report with restocking and an invalid lookup at the end
inventory = {
    'bolts': {'qty': 120, 'price': 0.05, 'min': 100},
    'nuts': {'qty': 80, 'price': 0.04, 'min': 100},
    'washers': {'qty': 0, 'price': 0.02, 'min': 50},
    'hinges': {'qty': 14, 'price': 2.5, 'min': 10},
    'brackets': {'qty': 6, 'price': 4.75, 'min': 8},
}
def value_of(name):
    item = inventory[name]
    return item['qty'] * item['price']

print(f'{"item":<10}{"qty":>6}{"price":>8}{"value":>9}  status')
for name in sorted(inventory, key=value_of, reverse=True):
    item = inventory[name]
    status = 'OUT' if item['qty'] == 0 else ('LOW' if item['qty'] < item['min'] else 'ok')
    print(f'{name:<10}{item["qty"]:>6}{item["price"]:>8.2f}{value_of(name):>9.2f}  {status}')
total = sum([value_of(n) for n in inventory])
print(f'{"total":<24}{total:>9.2f}')
orders = {}
for name, item in inventory.items():
    if item['qty'] < item['min']:
        orders[name] = item['min'] * 2 - item['qty']
print('reorder:', orders)
for name, n in orders.items():
    inventory[name]['qty'] += n
print({n: i['qty'] for n, i in inventory.items()})
sales = [('bolts', 30), ('hinges', 5), ('brackets', 3), ('nuts', 200)]
for name, n in sales:
    if inventory[name]['qty'] >= n:
        inventory[name]['qty'] -= n
        print('sold', n, name, '->', inventory[name]['qty'])
    else:
        print('cannot sell', n, name, 'only', inventory[name]['qty'])
print(value_of('gaskets'))

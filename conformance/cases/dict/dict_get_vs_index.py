# get never raises, indexing does
inventory = {'apple': 3, 'pear': 0}
for item in ['apple', 'pear', 'kiwi']:
    print(item, inventory.get(item), inventory.get(item, -1))
for item in ['apple', 'pear', 'kiwi']:
    try:
        print(item, inventory[item])
    except KeyError as e:
        print('missing', e)
print('kiwi' in inventory)
print(inventory['kiwi'])

# printing a formatted table with f-strings
rows = [('widget', 4, 3.5), ('gadget', 12, 10.0), ('thingamajig', 1, 99.999), ('nut', 1000, 0.015)]
print(f'{"item":<12}|{"qty":>6}|{"price":>9}|{"total":>10}')
print('-' * 40)
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f'{name:<12}|{qty:>6}|{price:>9.2f}|{total:>10.2f}')
print('-' * 40)
print(f'{"TOTAL":<12}|{"":>6}|{"":>9}|{grand:>10.2f}')
print(f'{grand:=^40,.3f}')

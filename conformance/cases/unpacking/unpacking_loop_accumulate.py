# accumulating with unpacked tuples in loops
transactions = [('deposit', 100), ('withdraw', 30), ('deposit', 50), ('withdraw', 200), ('deposit', 5)]
balance = 0
history = []
for kind, amount in transactions:
    if kind == 'deposit':
        balance += amount
    elif amount <= balance:
        balance -= amount
    else:
        history.append(('rejected', amount))
        continue
    history.append((kind, balance))
print(balance)
for i, (what, val) in enumerate(history):
    print(i, what, val)

# bank account simulation with validation errors
accounts = {}

def open_account(name, initial):
    if name in accounts:
        raise ValueError('account exists: ' + name)
    if initial < 0:
        raise ValueError('negative initial deposit')
    accounts[name] = {'balance': initial, 'history': [('open', initial)]}

def withdraw(name, amount):
    acct = accounts[name]
    if amount > acct['balance']:
        raise ArithmeticError(f'insufficient funds in {name}: {acct["balance"]} < {amount}')
    acct['balance'] -= amount
    acct['history'].append(('withdraw', amount))

def deposit(name, amount):
    assert amount > 0, 'deposit must be positive'
    accounts[name]['balance'] += amount
    accounts[name]['history'].append(('deposit', amount))

def transfer(src, dst, amount):
    withdraw(src, amount)
    try:
        deposit(dst, amount)
    except KeyError:
        deposit(src, amount)
        raise

ops = [('open', 'alice', 100), ('open', 'bob', 50), ('open', 'alice', 5), ('open', 'carl', -1),
       ('withdraw', 'bob', 70), ('deposit', 'bob', 25), ('transfer', 'alice', 'bob', 60),
       ('transfer', 'bob', 'zed', 10), ('deposit', 'alice', 0), ('withdraw', 'dora', 1)]
for op in ops:
    try:
        if op[0] == 'open':
            open_account(op[1], op[2])
        elif op[0] == 'withdraw':
            withdraw(op[1], op[2])
        elif op[0] == 'deposit':
            deposit(op[1], op[2])
        else:
            transfer(op[1], op[2], op[3])
        print('ok    ', op)
    except (ValueError, ArithmeticError, AssertionError) as e:
        print('failed', op, '->', type(e).__name__ + ':', e)
    except KeyError as e:
        print('failed', op, '-> unknown account', e)
for name, acct in accounts.items():
    print(name, acct['balance'], acct['history'])
print(sum([a['balance'] for a in accounts.values()]))

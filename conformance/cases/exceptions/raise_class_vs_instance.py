# raising a class, an instance, and with multiple args
def thrower(k):
    if k == 0:
        raise ValueError
    if k == 1:
        raise ValueError()
    if k == 2:
        raise ValueError('msg')
    if k == 3:
        raise ValueError('a', 1)
    raise KeyError('key', 'extra')

for k in range(5):
    try:
        thrower(k)
    except ValueError as e:
        print(k, repr(e), '[' + str(e) + ']', e.args, len(e.args))
    except KeyError as e:
        print(k, repr(e), '[' + str(e) + ']', e.args)

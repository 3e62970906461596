# raise ... from ... chaining to a new exception type
def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise ValueError('no setting ' + str(e)) from e

config = {'host': 'localhost', 'port': 8080}
print(lookup(config, 'host'), lookup(config, 'port'))
try:
    lookup(config, 'user')
except ValueError as e:
    print('caught', type(e).__name__, e, e.args)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('wrapped') from None
except RuntimeError as e:
    print('caught', repr(e))
lookup(config, 'timeout')

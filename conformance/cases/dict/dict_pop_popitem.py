# pop with default, popitem LIFO order
d = {'a': 1, 'b': 2, 'c': 3, 'd': 4}
print(d.pop('b'), d)
print(d.pop('zz', 'default'), d)
print(d.pop('zz', None))
print(d.popitem(), d)
d['e'] = 5
print(d.popitem(), d)
print(d.popitem(), d.popitem(), d)
try:
    d.popitem()
except KeyError as e:
    print('KeyError', e)
try:
    d.pop('x')
except KeyError as e:
    print('KeyError', e, repr(e), e.args)

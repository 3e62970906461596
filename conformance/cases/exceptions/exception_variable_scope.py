# the 'as' name is unbound after the handler; values survive if copied
saved = None
msg = ''
try:
    int('bad')
except ValueError as err:
    saved = err
    msg = str(err)
print(type(saved).__name__, msg, saved.args)
try:
    print(err)
except NameError as e:
    print('NameError:', e)
e = 'keep me'
try:
    [][1]
except IndexError as e:
    print('inside', e)
try:
    print(e)
except NameError as ne:
    print('NameError:', ne)

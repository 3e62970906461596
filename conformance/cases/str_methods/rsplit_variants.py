# rsplit with maxsplit from the right
path = 'usr/local/lib/python3.11/site.py'
print(path.rsplit('/', 1))
print(path.rsplit('/', 2))
print(path.rsplit('/'))
print(path.split('/', 1))
print('  a  b  c  '.rsplit(None, 1))
print('  a  b  c  '.rsplit())
print('k=v=w'.rsplit('=', 1), 'k=v=w'.split('=', 1))
print('x'.rsplit('.', 1), ''.rsplit('.'))

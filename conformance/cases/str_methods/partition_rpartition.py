# partition and rpartition
for s in ['key=value', 'key=a=b', 'novalue', '=lead', 'trail=', '']:
    print(repr(s), s.partition('='), s.rpartition('='))
url = 'https://example.com/path/to/page'
scheme, _, rest = url.partition('://')
host, sep, path = rest.partition('/')
print(scheme, host, sep, path)
print(url.rpartition('/')[2])
path = 'a/b/c.tar.gz'
print(path.partition('/'), path.rpartition('/'), path.rpartition('.'))
print(path.partition('xyz'), path.rpartition('xyz'))
print('aXbXc'.partition('X')[2].partition('X'))

# mapping keys in printf-style formatting
rec = {'name': 'widget', 'qty': 3, 'price': 2.5}
print('%(name)s x%(qty)d @ %(price).2f' % rec)
print('%(qty)05d|%(name)-10s|%(name)r' % rec)
print('%(a)s %(a)s %(b)s' % {'a': 1, 'b': 2, 'unused': 3})
rows = [{'k': 'x', 'v': 1.5}, {'k': 'yy', 'v': -20.125}]
for r in rows:
    print('%(k)4s = %(v)8.3f' % r)
table = {'x': 1, 'y': 22, 'z': 333}
print('%(x)03d %(y)03d %(z)03d' % table)
print('%(z)x %(z)o %(z)e' % table)

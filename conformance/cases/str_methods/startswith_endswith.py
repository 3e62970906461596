# startswith and endswith including tuple arguments and bounds
f = 'report_2023.csv'
print(f.startswith('report'), f.startswith('Report'), f.endswith('.csv'), f.endswith('.txt'))
print(f.endswith(('.txt', '.csv')), f.startswith(('a', 'b')))
print(f.startswith('2023', 7), f.endswith('report', 0, 6), f.startswith(''))
files = ['a.py', 'b.txt', 'c.py', 'd.md', 'setup.cfg']
print([x for x in files if x.endswith('.py')])
print([x for x in files if not x.startswith(('a', 'b'))])
s = 'abcdef'
print(s.startswith('cd', 2), s.startswith('cd', 2, 3), s.endswith('ef', -2), s.endswith('', 10))
print(s.startswith(('x', 'ab', 'y')), s.endswith(()), ''.startswith(''), ''.endswith('a'))

# find, rfind, index and rindex with bounds
s = 'abracadabra'
print(s.find('a'), s.find('bra'), s.find('zz'), s.find('a', 1), s.find('a', 1, 3))
print(s.rfind('a'), s.rfind('bra'), s.rfind('zz'), s.rfind('a', 0, 5))
print(s.index('cad'), s.rindex('a'), s.index('a', -4), s.rindex('b', 0, 5))
print(s.find(''), s.rfind(''), s.find('', 20), s.find('a', -1))
try:
    s.index('x')
except ValueError as e:
    print('index:', e)
try:
    s.rindex('x')
except ValueError as e:
    print('rindex:', e)

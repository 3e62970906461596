# strings are immutable; methods return new strings
s = 'hello'
t = s.upper()
print(s, t)
u = s
s += ' world'
print(s, u)
r = s.replace('o', '0')
print(s, r)
try:
    s[0] = 'H'
except TypeError as e:
    print('caught:', e)
print(s.capitalize(), s)

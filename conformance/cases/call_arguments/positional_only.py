def power(base, exp=2, /):
    return base ** exp

print(power(3), power(2, 10))
try:
    power(base=3)
except TypeError as e:
    print(e)

def mix(a, b, /, c, *, d):
    return [a, b, c, d]
print(mix(1, 2, 3, d=4))
print(mix(1, 2, c=3, d=4))
try:
    mix(1, b=2, c=3, d=4)
except TypeError as e:
    print(e)

def kw_name_clash(name, /, **kw):
    return name, sorted(kw.items())
print(kw_name_clash("pos", name="kw"))

def opts(**kw):
    return sorted(kw.items())

print(opts())
print(opts(a=1, b=2))
print(opts(**{"x": 1}, y=2))
d = {"k": "v"}
print(opts(**d, **{"z": 0}))

def mixed(a, *args, flag=False, **kw):
    return a, args, flag, sorted(kw)

print(mixed(1))
print(mixed(1, 2, 3, flag=True, extra=4, more=5))
print(mixed(a=9, other=1))

def pass_through(*args, **kwargs):
    return mixed(*args, **kwargs)
print(pass_through(5, 6, flag="yes", q=1))
kw = {"a": 1}
opts(**kw)
print(kw)

fns = []
for i in range(4):
    fns.append(lambda: i * 10)
print([f() for f in fns])

fixed = []
for i in range(4):
    fixed.append(lambda i=i: i * 10)
print([f() for f in fixed])

def make_all():
    out = []
    for name in ["a", "b", "c"]:
        def show():
            return "name=" + name
        out.append(show)
    name = "changed"
    return out
print([f() for f in make_all()])

def factory(k):
    return lambda x: x + k
adders = [factory(k) for k in range(3)]
print([f(100) for f in adders])
comp = [lambda: j for j in range(3)]
print([f() for f in comp])

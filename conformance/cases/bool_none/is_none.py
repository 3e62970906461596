def maybe(x):
    if x > 0:
        return x
    return None
for v in (3, -3, 0):
    r = maybe(v)
    print(v, r, r is None, r is not None, None is r)
x = None
if x is None:
    print("x is None")

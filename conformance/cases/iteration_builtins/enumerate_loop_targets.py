# for-loops over enumerate(X) with two targets: store order, nested and
# subscript targets, continue, else, errors and the targets left after the loop
class P:
    def __init__(self):
        self.log = []
    def __setitem__(self, k, v):
        self.log.append((k, v))

def f(xs):
    t = 0
    for i, x in enumerate(xs):
        t += i * x
    else:
        print("else", i, x)
    return t

print(f([3, 4, 5]))
for x, x in enumerate("ab"):
    print(x)
p = P()
for p[0], p[1] in enumerate("xy"):
    pass
print(p.log)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
    if i == 0:
        continue
print(i)
try:
    for i, v in enumerate(5):
        pass
except TypeError as e:
    print(e)
def g():
    for i, v in enumerate([]):
        pass
    return i
try:
    g()
except UnboundLocalError as e:
    print(e)
for [i, v] in enumerate(range(3)):
    pass
print(i, v)

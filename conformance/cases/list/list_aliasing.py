# aliasing: multiple names bound to the same list
a = b = []
a.append(1)
print(a, b, a is b)
c = a
c += [2, 3]
print(a, b, c)
c = c + [4]
print(a, c)
def mutate(lst):
    lst.append('m')
    lst = ['new']
    lst.append('z')
    return lst
r = mutate(a)
print(a, r)
def default_arg(x, acc=[]):
    acc.append(x)
    return acc
print(default_arg(1))
print(default_arg(2))
print(default_arg(3, []))
print(default_arg(4))
m = [[0, 0]] * 3
m[1][0] = 7
print(m)
m2 = [[0, 0] for _ in range(3)]
m2[1][0] = 7
print(m2)

# is versus == for containers and None
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
print(None is None, a is not None)
t1 = (a, 3)
t2 = (b, 3)
print(t1 == t2, t1[0] is a, t2[0] is b)
d = {}
e = d
print(d is e, {} is {}, {} == {})
a.append(3)
print(c, t1, t1 == t2)
x = 5
y = x
y += 1
print(x, y, x is not y)

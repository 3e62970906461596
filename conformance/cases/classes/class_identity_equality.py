class P:
    def __init__(self, x):
        self.x = x

a = P(1)
b = P(1)
c = a
print(a == b, a is b, a == c, a is c, a != b)
print(a in [b], a in [c], [a].count(b))
class Q:
    pass
q1 = Q()
q2 = Q()
print(q1 == q2, q1 != q2, q1 == q1)
s = {a, b, c}
print(len(s))
d = {a: "first", b: "second"}
print(d[a], d[c], len(d))

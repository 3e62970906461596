class A:
    x = "A.x"
    y = "A.y"
    def m(self):
        return "A.m"

class B(A):
    x = "B.x"

class C(A):
    y = "C.y"
    def m(self):
        return "C.m"

class D(B, C):
    pass

d = D()
print(d.x, d.y, d.m())
d.x = "instance"
print(d.x, D.x)
C.y = "C.y2"
print(d.y)
del B.x
print(d.x, D().x)
A.z = "late"
print(d.z)

# __slots__: instances of a class whose every base declares slots get no other attributes.
class P:
    __slots__ = ('x',)
    def __init__(self):
        self.x = 0
p = P()
try:
    p.z = 5
except AttributeError as e:
    print(e)
p.x = 3
print(p.x)
class Q(P):
    __slots__ = 'y'
q = Q(); q.x = 1; q.y = 2
try:
    q.w = 1
except AttributeError as e:
    print(e)
class R(P):
    pass
r = R(); r.w = 1; print(r.w)
try:
    class S:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print(e)
try:
    class T:
        __slots__ = (1,)
except TypeError as e:
    print(e)
class U:
    __slots__ = ['a', '__dict__']
u = U(); u.b = 2; print(u.b)
class V:
    __slots__ = ('v',)
    @property
    def double(self):
        return self.v * 2
    @double.setter
    def double(self, x):
        self.v = x / 2
w = V(); w.double = 8; print(w.v, w.double)
class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as e:
    print(e)

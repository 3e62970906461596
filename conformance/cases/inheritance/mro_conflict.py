class A: pass
class B(A): pass
print([c.__name__ for c in B.__mro__])
try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class D(B, A):
    pass
print([c.__name__ for c in D.__mro__])
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
class R(P, Q): pass

class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass

for cls in [K1, K2, K3, M]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
print(issubclass(M, Z), issubclass(K1, Z), isinstance(M(), O))

class A(Exception): pass
class B(Exception): pass
class C(A, B): pass

def boom(which):
    raise {"a": A, "b": B, "c": C}[which](which + "!")

for w in "abc":
    try:
        boom(w)
    except (B,) as e:
        print("caught as B:", type(e).__name__, e)
    except A as e:
        print("caught as A:", type(e).__name__, e)
print([k.__name__ for k in C.__mro__])
try:
    boom("c")
except (ValueError, A) as e:
    print("tuple catch:", e, isinstance(e, B))

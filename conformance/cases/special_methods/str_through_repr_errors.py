class A:
    def __repr__(self):
        raise ValueError("repr failed")
try:
    str(A())
except ValueError as e:
    print("ValueError", e)
class B:
    def __repr__(self):
        return 5
for f in (str, repr):
    try:
        f(B())
    except TypeError as e:
        print(e)
print(f"{'x'}")

def t(name):
    print("t", name)
    return True
def f(name):
    print("f", name)
    return False
print(t(1) and f(2) and t(3))
print(f(1) or t(2) or f(3))
print(f(1) and t(2))
print(t(1) or f(2))
print(not (f(1) or f(2)))

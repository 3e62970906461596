def inner(x):
    return x // (x - x)
def outer(x):
    print("outer", x)
    return inner(x) + 1
print(outer(5))

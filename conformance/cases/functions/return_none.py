def nothing():
    pass
def early(x):
    if x:
        return
    print("fell through")
print(nothing(), early(True), early(False))
def swap(a, b):
    return b, a
print(swap(1, 2))
x, y = swap("p", "q")
print(x, y)

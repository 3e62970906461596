counter = 0
def bump(by):
    global counter
    counter += by
    return counter
bump(3)
bump(4)
print(counter)
def read_only():
    return counter * 2
print(read_only())
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def make_new():
    global fresh
    fresh = "created"
make_new()
print(fresh)

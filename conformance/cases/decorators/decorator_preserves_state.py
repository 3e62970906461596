def once(fn):
    done = False
    result = None
    def wrapper(*args):
        nonlocal done, result
        if not done:
            result = fn(*args)
            done = True
        return result
    return wrapper

@once
def init(x):
    print("initialising with", x)
    return x * 10

print(init(1))
print(init(2))
print(init(3))

def counted(fn):
    count = 0
    def wrapper(*a):
        nonlocal count
        count += 1
        return fn(*a)
    def get_count():
        return count
    return wrapper, get_count

def noop():
    return None

noop, noop_count = counted(noop)
for _ in range(5):
    noop()
print(noop_count())

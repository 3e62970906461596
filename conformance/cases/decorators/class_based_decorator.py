class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)

@CountCalls
def add(a, b=1):
    return a + b

print(add(1), add(2, 3), add(a=4, b=5))
print(add.calls)
print(type(add).__name__)
print(isinstance(add, CountCalls))

class Prefix:
    def __init__(self, prefix):
        self.prefix = prefix
    def __call__(self, fn):
        def wrapper(*args):
            return self.prefix + fn(*args)
        return wrapper

@Prefix(">> ")
def msg(s):
    return s
print(msg("done"))

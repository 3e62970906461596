def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper

@shout
def greet(name, punct="."):
    return "hello " + name + punct

print(greet("ann"))
print(greet("bob", punct="?"))
print(greet.__name__)

def identity(fn):
    return fn

@identity
def plain(x):
    return x * 2
print(plain(21), plain.__name__)

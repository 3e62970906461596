calls = 0
def make():
    global calls
    calls += 1
    return calls * 100
def f(x=make()):
    return x
print(f(), f(), f(1), calls)

def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"

print(list(countdown(4)))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stopped with", e.value)
print(next(countdown(0), "default"))

class LimitExceeded(Exception):
    pass

def budget(limit):
    spent = 0
    def spend(n):
        nonlocal spent
        if spent + n > limit:
            raise LimitExceeded(f"cannot spend {n}: {spent} of {limit} used")
        spent += n
        return limit - spent
    return spend

s = budget(10)
print(s(3), s(4))
try:
    s(5)
except LimitExceeded as e:
    print("caught:", e)
print(s(3))
s(1)

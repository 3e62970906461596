def repeat(times, sep=" "):
    def deco(fn):
        def wrapper(*args):
            return sep.join([fn(*args) for _ in range(times)])
        return wrapper
    return deco

@repeat(3)
def word(w):
    return w

@repeat(2, sep="-")
def pair(a, b):
    return a + b

print(word("hi"))
print(pair("x", "y"))

def clamp(lo, hi):
    def deco(fn):
        def wrapper(*a, **k):
            return max(lo, min(hi, fn(*a, **k)))
        return wrapper
    return deco

@clamp(0, 100)
def score(base, bonus=0):
    return base + bonus

print(score(50), score(90, bonus=30), score(-5))

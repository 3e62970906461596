def require_positive(name):
    def deco(fn):
        def wrapper(*args):
            for a in args:
                if not isinstance(a, int):
                    raise TypeError(f"{name} expects ints, got {type(a).__name__}")
                if a <= 0:
                    raise ValueError(f"{name} expects positive values, got {a}")
            return fn(*args)
        return wrapper
    return deco

@require_positive("area")
def area(w, h):
    return w * h

print(area(3, 4))
for args in [(3, -1), (2, "x"), (5, 5), (0, 1)]:
    try:
        print(area(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, "-", e)
area(2, 2.5)

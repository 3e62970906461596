import math
def attempt(f, *args):
    try:
        print(f.__name__ if hasattr(f, "__name__") else f, f(*args))
    except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)

attempt(math.sqrt, -1)
attempt(math.log, 0)
attempt(math.log, -5)
attempt(math.exp, 1000)
attempt(math.acos, 2)
attempt(math.factorial, -3)
attempt(math.pow, 0, -1)
attempt(math.fmod, 1, 0)
attempt(math.floor, float("nan"))
attempt(math.ceil, float("inf"))
attempt(math.sqrt, "4")
math.sqrt(-4.0)

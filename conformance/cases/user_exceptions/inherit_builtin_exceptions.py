class InvalidAmount(ValueError):
    pass

class MissingKey(KeyError):
    pass

class Timeout(RuntimeError):
    def __init__(self, seconds):
        super().__init__(f"timed out after {seconds}s")
        self.seconds = seconds

def check(n):
    if n < 0:
        raise InvalidAmount(f"negative amount: {n}")
    return n

try:
    check(-5)
except ValueError as e:
    print("ValueError branch:", type(e).__name__, e)
try:
    raise MissingKey("user_id")
except LookupError as e:
    print("LookupError branch:", type(e).__name__, e)
try:
    raise Timeout(30)
except RuntimeError as e:
    print("RuntimeError branch:", e, e.seconds)
print(issubclass(MissingKey, LookupError), issubclass(InvalidAmount, KeyError))
raise MissingKey("session")

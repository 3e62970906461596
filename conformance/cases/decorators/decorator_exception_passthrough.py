class RetryError(Exception):
    def __init__(self, attempts, last):
        super().__init__(f"gave up after {attempts} attempts: {last}")
        self.attempts = attempts
        self.last = last

def retry(times):
    def deco(fn):
        def wrapper(*args):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(attempt, *args)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
                    last = e
            raise RetryError(times, last)
        return wrapper
    return deco

@retry(3)
def flaky(attempt, need):
    if attempt < need:
        raise ValueError(f"need {need}")
    return f"ok on {attempt}"

print(flaky(2))
try:
    flaky(5)
except RetryError as e:
    print(e.attempts, e.last, type(e.last).__name__)

@retry(2)
def always(attempt):
    raise ValueError("nope")
always()

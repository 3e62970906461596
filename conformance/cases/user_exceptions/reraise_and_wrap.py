class Retryable(Exception):
    def __init__(self, attempt):
        super().__init__(f"attempt {attempt} failed")
        self.attempt = attempt

log = []

def work(attempt):
    if attempt < 3:
        raise Retryable(attempt)
    return "success"

def runner():
    for attempt in range(1, 5):
        try:
            return work(attempt)
        except Retryable as e:
            log.append(str(e))
            if e.attempt >= 2:
                log.append("re-raising")
                raise
    return "never"

try:
    runner()
except Retryable as e:
    print("outer caught:", e, e.attempt)
print(log)

def finally_demo():
    try:
        raise Retryable(9)
    finally:
        print("finally runs")
finally_demo()

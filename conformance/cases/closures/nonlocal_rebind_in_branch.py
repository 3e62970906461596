def tracker():
    best = None
    seen = 0
    def feed(x):
        nonlocal best, seen
        seen += 1
        if best is None or x > best:
            best = x
            return True
        return False
    def report():
        return (best, seen)
    return feed, report

feed, report = tracker()
print(report())
print([feed(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
print(report())

def toggler():
    on = False
    def flip():
        nonlocal on
        on = not on
        return on
    return flip
t = toggler()
print(t(), t(), t())

def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return (count, average)
        total += value
        count += 1
        average = total / count

a = averager()
print(next(a))
for v in [10, 20, 60]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print(e)

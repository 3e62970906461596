# break and continue inside finally blocks
out = []
for i in range(5):
    try:
        if i == 1:
            raise KeyError(i)
        out.append(i)
    finally:
        if i == 3:
            break
        continue
print(out)
results = []
i = 0
while i < 6:
    i += 1
    try:
        if i % 2:
            continue
        results.append(i)
    finally:
        results.append(-i)
print(results)
def loop_returns():
    for k in range(3):
        try:
            return k
        finally:
            if k < 2:
                continue
    return 'done'
print(loop_returns())

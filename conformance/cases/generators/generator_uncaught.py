def failing(n):
    for i in range(n):
        if i == 2:
            raise ValueError(f"item {i} is bad")
        yield i

total = 0
for v in failing(5):
    total += v
    print("got", v)
print("unreachable", total)

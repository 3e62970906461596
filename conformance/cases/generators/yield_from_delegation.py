def leaves(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from leaves(sub)
    else:
        yield tree

def numbered():
    count = yield from counted("abc")
    yield f"counted {count}"

def counted(items):
    n = 0
    for x in items:
        yield x
        n += 1
    return n

print(list(leaves([1, [2, [3, 4], []], [[5]]])))
print(list(numbered()))
def relay():
    got = yield from echo()
    print("echo returned", got)

def echo():
    received = []
    while True:
        x = yield len(received)
        if x == "stop":
            return received
        received.append(x)

r = relay()
print(next(r), r.send("a"), r.send("b"))
try:
    r.send("stop")
except StopIteration:
    print("relay finished")

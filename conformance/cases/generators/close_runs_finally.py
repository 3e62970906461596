def resource(name):
    print("open", name)
    try:
        for i in range(3):
            yield f"{name}{i}"
    finally:
        print("close", name)

g = resource("a")
print(next(g))
g.close()
print("after close")
for item in resource("b"):
    print(item)
    if item == "b1":
        break
print("after break")
h = resource("c")
print(next(h))
h = None
print("dropped")
def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = catcher()
next(c)
c.close()
print(c.close())

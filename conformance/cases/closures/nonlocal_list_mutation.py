def make_log():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def dump():
        return list(items)
    def reset():
        nonlocal items
        old = items
        items = []
        return old
    return add, dump, reset

add, dump, reset = make_log()
add("a")
add("b")
print(dump())
old = reset()
print(old, dump())
add("c")
print(dump(), old)

def accumulate():
    state = {"n": 0}
    def bump(k):
        state["n"] += k
        return state["n"]
    return bump
b = accumulate()
print(b(1), b(2), b(3))

# The recursion count stays exact however control comes back to a frame:
# after many calls the runtime makes (map, sorted keys, calls through function
# objects), after generators resumed and finished at other depths or freed
# while suspended, and after deep call trees that end in a runtime call.


def deepest(n):
    try:
        return deepest(n + 1)
    except RecursionError:
        return n


def plain(x):
    return x + 1


def calls_runtime(x):
    return str(x)


def nested_plain(x):
    return plain(plain(x))


base = deepest(0)
print(len(list(map(plain, range(3000)))))
print(len(list(map(calls_runtime, range(3000)))))
print(len(sorted(range(3000), key=nested_plain)))
f = nested_plain
total = 0
for i in range(3000):
    total += f(i)
print(total)
print(deepest(0) - base)


def counter(n):
    for i in range(n):
        yield nested_plain(i) - deepest(0)


def at_depth(level, g):
    if level == 0:
        return next(g)
    return at_depth(level - 1, g)


g = counter(10)
print(at_depth(200, g) + base)
print(at_depth(5, g) + base)
print(next(g) + base)
print(at_depth(300, g) + base)
print(deepest(0) - base)


def cleanup():
    try:
        yield 1
    finally:
        print("finally", deepest(0) - base)


def drop_at(level):
    if level == 0:
        c = cleanup()
        next(c)
        del c
        return deepest(0) - base
    return drop_at(level - 1)


print(drop_at(100))
print(deepest(0) - base)


def down_then_runtime(level):
    if level == 0:
        return len(sorted([3, 1, 2], key=plain)) + len(list(map(calls_runtime, range(50))))
    return down_then_runtime(level - 1)


print(down_then_runtime(400))
print(deepest(0) - base)


def loop_after_deep():
    out = []
    for i in range(3):
        d = deepest(0)
        out.append(len(list(map(calls_runtime, range(3)))) + d - base)
        out.append(deepest(0) - d)
    return out


print(loop_after_deep())

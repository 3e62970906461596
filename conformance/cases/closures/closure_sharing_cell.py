def pair():
    x = 0
    def setter(v):
        nonlocal x
        x = v
    def getter():
        return x
    return setter, getter

s, g = pair()
print(g())
s(5)
print(g())
s("text")
print(g())
s2, g2 = pair()
s2([1, 2])
print(g(), g2())

def loop_cells():
    res = []
    for i in range(3):
        def mk(i):
            cell = [i]
            def get():
                return cell[0]
            def put(v):
                cell[0] = v
            return get, put
        res.append(mk(i))
    res[1][1](99)
    return [get() for get, put in res]
print(loop_cells())

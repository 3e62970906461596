x = 5
f = lambda y=x: y * 2
x = 100
print(f(), f(1))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
g = lambda v=tick(): v
print(g(), g(), counter)
h = lambda a, b=[]: (b.append(a), b)[1]
print(h(1), h(2), h(3, []))

# The := operator outside comprehensions: in conditions, loops, functions, classes.
import math
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
while (item := data.pop()) != 1:
    print("popped", item)
print(data, item, n)
def first_big(xs, limit):
    for x in xs:
        if (sq := x * x) > limit:
            return x, sq
    return None
print(first_big([1, 5, 9], 20))
class Config:
    size = (width := 4) * 2
print(Config.size, Config.width)
print((y := 10) + y, y)
counter = 0
def bump():
    global counter
    return (counter := counter + 1)
print(bump(), bump(), counter)
def outer():
    total = 0
    def add(v):
        nonlocal total
        return (total := total + v)
    add(2)
    return add(3)
print(outer())
print(f"{(z := 5)} {z}")
print([v for v in range(3)], math.floor(w := 2.5), w)

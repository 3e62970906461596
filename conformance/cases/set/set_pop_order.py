# pop removes elements in a deterministic order for ints
s = {50, 40, 30, 20, 10, 60, 70, 1, 9}
order = []
while s:
    order.append(s.pop())
print(order)
t = set(range(-5, 6))
out = []
for _ in range(4):
    out.append(t.pop())
print(out, t)
t.update([5, -5, 99])
print(t)
print(t.pop(), t)

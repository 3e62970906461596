# starred targets at start, middle and end
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *mid, z = 'abcdef'
print(a, mid, z)
h, *t = [1]
print(h, t)
p, *q, r = (1, 2)
print(p, q, r)
*allv, = range(3)
print(allv)
head, *tail = 'x'
print(head, tail, type(tail).__name__)
a, b, *c = (1, 2, 3, 4, 5)
print(a, b, c)

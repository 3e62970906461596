# tricky bounds with negative steps
s = '0123456789'
cases = [(None, None, -1), (5, None, -1), (None, 5, -1), (-1, -11, -1), (-1, -10, -1),
         (20, -20, -3), (0, 9, -1), (9, 0, -9), (3, -8, -1)]
for a, b, c in cases:
    print(a, b, c, repr(s[a:b:c]))
print(s[len(s):0:-1], s[-len(s) - 5:], s[:-len(s) - 5])
t = (1, 2, 3, 4, 5)
print(t[None:None:-2], t[-1:None:-3], t[:None], t[None:2])
l = list(t)
print(l[4:-6:-1], l[-6:4:1], l[-6:4:-1])

# True/1/1.0 collide as keys; the first key object is kept
d = {True: 'a'}
d[1] = 'b'
d[1.0] = 'c'
print(d)
e = {1.0: 'x'}
e[True] = 'y'
print(e)
f = {0: 'zero', False: 'false', 0.0: 'float'}
print(f, len(f))
print({2: 1, 2.0: 2})
print(hash(1) == hash(1.0) == hash(True), hash(0.5), hash(-2))

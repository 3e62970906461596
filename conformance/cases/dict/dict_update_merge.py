# update, | and |= merging
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
c = a | b
print(c, a, b)
print(b | a)
a |= {'w': 0}
print(a)
a.update(b)
print(a)
a.update([('q', 9), ('x', -1)])
print(a)
a.update({'k': 5})
print(a)
a |= [('tuple', 't')]
print(a)
e = {}
e.update({})
print(e | {}, e)

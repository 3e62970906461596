# map with builtins and module-level functions, one or more iterables
def square(x):
    return x * x

def add(a, b):
    return a + b

print(list(map(square, range(6))))
print(list(map(str, [1, 2.5, None])))
print(list(map(int, ['1', '22', '-3'])))
print(list(map(add, [1, 2, 3], [10, 20, 30, 40])))
print(list(map(len, ['a', 'bb', ''])))
print(list(map(str.upper, ['x', 'yz'])))
print(list(map(abs, (-1, -2.5))))
print(list(map(pow, [2, 3], [5, 2])))
m = map(square, [4, 5])
print(next(m), list(m), list(m))

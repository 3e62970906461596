# next on an exhausted iterator without default raises StopIteration
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it, 'default'))
try:
    next(it)
except StopIteration as e:
    print('caught StopIteration', repr(e))
empty = iter([])
print(next(empty))

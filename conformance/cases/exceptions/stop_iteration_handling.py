# catching StopIteration from next
it = iter(['a', 'b'])
collected = []
while True:
    try:
        collected.append(next(it))
    except StopIteration as e:
        print('stop', repr(e), e.args)
        break
print(collected)
try:
    next(iter({}))
except StopIteration:
    print('empty dict iterator')
def first(xs, default):
    try:
        return next(iter(xs))
    except StopIteration:
        return default
print(first([9, 8], 0), first([], 'none'), first('xy', '?'))

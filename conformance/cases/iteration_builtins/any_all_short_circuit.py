# any and all stop consuming iterators early
def check(x):
    print('check', x)
    return x > 2

print(any(map(check, [1, 3, 5, 7])))
print(all(map(check, [5, 4, 1, 9])))
it = iter([0, 0, 1, 2, 3])
print(any(it), list(it))
it2 = iter([1, 1, 0, 1])
print(all(it2), list(it2))

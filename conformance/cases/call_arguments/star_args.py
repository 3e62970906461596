def total(*nums):
    return type(nums).__name__, len(nums), sum(nums)

print(total())
print(total(1, 2, 3))
print(total(*range(5)))
print(total(1, *[2, 3], 4, *(5,)))

def head_tail(first, *rest):
    return first, rest
print(head_tail(1))
print(head_tail(1, 2, 3))
print(head_tail(*"abc"))

def with_default(a, b=10, *rest):
    return a, b, rest
print(with_default(1), with_default(1, 2), with_default(1, 2, 3, 4))

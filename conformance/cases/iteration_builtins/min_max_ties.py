# min and max return the first of equal elements
def mod3(n):
    return n % 3

nums = [4, 7, 1, 10, 2, 5, 8]
print(min(nums, key=mod3), max(nums, key=mod3))
pairs = [(1, 'x'), (0, 'y'), (1, 'z'), (0, 'w')]
def first(p):
    return p[0]
print(min(pairs, key=first), max(pairs, key=first))
print(max([1, 1.0, True]), min([1.0, 1, True]), max([True, 1]))
print(max('a', 'b', 'ab', key=len), min('xy', 'z', 'w', key=len))

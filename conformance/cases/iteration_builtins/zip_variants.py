# zip stops at the shortest input
print(list(zip([1, 2, 3], 'ab')))
print(list(zip()))
print(list(zip([1, 2])))
print(list(zip('abc', range(10), (True, False, None))))
names = ['ann', 'bob', 'cat']
ages = [31, 25, 40]
for n, a in zip(names, ages):
    print(n, a)
print(dict(zip(names, ages)))
pairs = [(1, 'a'), (2, 'b'), (3, 'c')]
nums = [n for n, _ in pairs]
print(nums, list(zip(nums, nums[1:])))
m = [[1, 2, 3], [4, 5, 6]]
print(list(zip(m[0], m[1])))

# builtins applied to lists
xs = [4, -2, 17, 0, 9, -8, 17]
print(len(xs), sum(xs), min(xs), max(xs))
print(sum(xs, 100), sum([]), sum([0.5, 0.25]))
print(sorted(xs), xs)
print(max(xs, key=abs), min(xs, key=abs))
words = ['kiwi', 'fig', 'banana', 'plum']
print(min(words), max(words), max(words, key=len), min(words, key=len))
print(max([], default='none'), min([], default=-1))
print(sum([[1], [2, 3]], []))
print(any(xs), all(xs), all([]), any([]))
print(max([1, 2.5, 2]), min([True, 0, -0.0]))
print(sum(range(101)), sum([10**20, 10**20]))

# sort with key= and reverse=, stability
def second(p):
    return p[1]

def neg(x):
    return -x

nums = [5, -3, 8, 0, -11, 2, 8, 7]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(key=neg)
print(nums)
words = ['pear', 'Apple', 'fig', 'banana', 'Cherry', 'kiwi', 'date']
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [('x', 3), ('y', 1), ('z', 3), ('w', 2), ('v', 1)]
pairs.sort(key=second)
print(pairs)
pairs.sort()
print(pairs)
pairs.sort(key=second, reverse=True)
print(pairs)
fl = [3.5, -1.25, 2.0, 1e10, -0.0, 0.5]
fl.sort()
print(fl)

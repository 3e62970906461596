# sorted is stable when keys tie
def first_letter(s):
    return s[0]

words = ['beta', 'apple', 'bob', 'avocado', 'cherry', 'ant', 'cat', 'banana']
print(sorted(words, key=first_letter))
print(sorted(words, key=first_letter, reverse=True))
print(sorted(words, key=len))
print(sorted(sorted(words), key=len))
nums = [5, -5, 3, -3, 0, 5]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))

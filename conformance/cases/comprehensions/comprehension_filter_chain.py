# multiple filters and chained transformations
nums = list(range(1, 60))
step1 = [n for n in nums if n % 2]
step2 = [n for n in step1 if n % 3]
step3 = [n * n for n in step2 if n % 5]
print(step1)
print(step2)
print(step3)
print([n for n in nums if n % 2 if n % 3 if n % 5] == [n for n in nums if n % 2 and n % 3 and n % 5])
print([s for s in [str(n) for n in nums] if s == s[::-1] and len(s) > 1])

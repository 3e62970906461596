people = [("ann", 31), ("bob", 25), ("cy", 31), ("di", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: len(p[0])))
print(min(people, key=lambda p: p[1]))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
nums = [5, -3, 2, -8, 0]
nums.sort(key=lambda n: abs(n))
print(nums)

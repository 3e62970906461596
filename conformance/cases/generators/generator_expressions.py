nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(x * x for x in nums))
print(max(x for x in nums if x % 2 == 0))
print(list((x, y) for x in range(3) for y in range(x)))
squares = (n * n for n in range(5))
print(next(squares), next(squares), list(squares), list(squares))
words = ["alpha", "beta", "gamma"]
print(dict((w, len(w)) for w in words))
print(any(w.startswith("g") for w in words), all(len(w) > 4 for w in words))
print(sorted((w[::-1] for w in words), key=len))
print(", ".join(str(i) for i in range(4)))
funcs = list((lambda: i) for i in range(3))
print([f() for f in funcs])

# lists holding big integers
fact = [1]
for i in range(1, 30):
    fact.append(fact[-1] * i)
print(fact[-1])
print(fact[20:23])
print(sum(fact))
print(max(fact) == fact[-1], fact.index(120))
pows = [2 ** k for k in [10, 64, 100, 127]]
print(pows)
print([p % 1000007 for p in pows])
neg = [-(10 ** 25), 10 ** 25, 0, -1]
neg.sort()
print(neg)
print(fact[25] // fact[24], fact[29] % 1000)

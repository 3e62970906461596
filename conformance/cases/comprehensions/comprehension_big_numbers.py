# comprehensions producing big ints and floats
print([2 ** n for n in range(60, 70)])
print([10 ** n // 7 for n in range(15, 25, 3)])
print([round(1 / n, 4) for n in range(1, 8)])
print({n: n ** n for n in range(15, 19)})
print(sum([n ** 10 for n in range(1, 20)]))
big = [3 ** k for k in range(38, 42)]
print(big, [b % 97 for b in big])
print([x // 10 ** 9 for x in big if x > 10 ** 19])
print({k: float(2 ** k) for k in [52, 53, 64]})
print([-(2 ** 63) + i for i in range(3)])

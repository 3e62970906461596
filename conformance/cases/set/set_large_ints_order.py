# iteration order of sets with large ints whose hashes wrap
big = {2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 64, 10 ** 20, 1, 0, 2 ** 61 + 5}
print(big)
print(len(big))
s = {10 ** 30, -(10 ** 30), 123456789123456789, 987654321}
print(s)
print(hash(2 ** 61), hash(2 ** 61 - 1), hash(10 ** 20), hash(-(10 ** 30)))
print({2 ** 61 - 1, 0} == {0, 2 ** 61 - 1})
t = set()
for k in range(5):
    t.add(2 ** 61 * k + k)
print(t, len(t))
print({-(2 ** 61 - 1), 2 ** 61 - 1, 2 ** 61 - 2, -(2 ** 61 - 2)})

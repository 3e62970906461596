# sum(<generator expression>) of the builtin sum, which skink runs inline: element
# types, side-effect order when an addition fails, class bodies, nesting, scoping
def matmul(a, b, n):
    return [[sum(a[i][k] * b[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
print(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]], 2))
print(sum(x for x in []))
print(sum(x * 0.5 for x in range(5)))
print(sum(x for x in [True, True, 2]))
print(sum(10**20 + x for x in range(3)))
print(sum(1 for line in "a\nb\nc".split("\n") if line))
def gen_side():
    out = []
    def f(x):
        out.append(x)
        return x
    try:
        sum(f(x) for x in [1, "a", 2])
    except TypeError as e:
        print(e, out)
gen_side()
class C:
    vals = [1, 2, 3]
    total = sum(v * 2 for v in vals)
print(C.total)
def closures():
    fs = sum((lambda: k) () for k in range(4))
    return fs
print(closures())
x = 99
print(sum(x for x in range(3)), x)
print(sum(i * j for i in range(3) for j in range(i)))
try:
    print(sum(v for v in 5))
except TypeError as e:
    print(e)
print(sum((x for x in range(4))))
print(sum(n for n in (0.1, 0.2, 0.3)))

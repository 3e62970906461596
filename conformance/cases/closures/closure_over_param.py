def multiplier(n):
    def mul(x):
        return x * n
    return mul

double = multiplier(2)
triple = multiplier(3)
print(double(5), triple(5), double("ab"), triple([1]))

def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run

inc = lambda x: x + 1
h = compose(double, inc, triple)
print(h(1))
print(compose()(7))
print(compose(str, abs)(-9) + "!")

def power_table(exps):
    return {e: (lambda b, e=e: b ** e) for e in exps}
t = power_table([1, 2, 3])
print([t[e](2) for e in sorted(t)])

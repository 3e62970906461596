classify = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([classify(n) for n in [-2, 0, 5]])
safe_div = lambda a, b: a / b if b else None
print(safe_div(7, 2), safe_div(1, 0))
first_truthy = lambda *xs: [x for x in xs if x][0] if any(xs) else "none"
print(first_truthy(0, "", "x", 3), first_truthy(0, []))
both = lambda a, b: a and b
either = lambda a, b: a or b
print(both(1, "y"), both(0, "y"), either("", "z"), either([], None))

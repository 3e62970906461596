ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "//": lambda a, b: a // b,
}

def calc(expr):
    a, op, b = expr.split()
    try:
        return ops[op](int(a), int(b))
    except KeyError:
        return f"unknown operator {op}"
    except ZeroDivisionError as e:
        return f"error: {e}"

for e in ["3 + 4", "10 - 7", "6 * 7", "9 // 2", "1 // 0", "2 ** 3"]:
    print(e, "=", calc(e))

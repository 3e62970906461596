# reverse polish notation calculator with error reporting
def apply_op(op, a, b):
    if op == '+':
        return a + b
    if op == '-':
        return a - b
    if op == '*':
        return a * b
    if op == '/':
        return a / b
    if op == '^':
        return a ** b
    raise ValueError('unknown operator ' + op)

def evaluate(expr):
    stack = []
    for tok in expr.split():
        if tok in ('+', '-', '*', '/', '^'):
            if len(stack) < 2:
                raise IndexError('stack underflow at ' + repr(tok))
            b = stack.pop()
            a = stack.pop()
            stack.append(apply_op(tok, a, b))
        elif tok == 'dup':
            stack.append(stack[-1])
        elif tok == 'swap':
            stack[-1], stack[-2] = stack[-2], stack[-1]
        else:
            stack.append(float(tok) if '.' in tok else int(tok))
        print('   ', tok.ljust(5), stack)
    if len(stack) != 1:
        raise ValueError('leftover stack ' + str(stack))
    return stack[0]

exprs = ['3 4 + 2 *', '5 1 2 + 4 * + 3 -', '2 10 ^ dup *', '1.5 2 swap /',
         '1 +', '4 0 /', '1 2 3 +', '2 x +']
for e in exprs:
    print(e)
    try:
        print('  =', evaluate(e))
    except (IndexError, ValueError, ZeroDivisionError) as err:
        print('  error:', type(err).__name__, err)

# tuple of exception classes and first matching handler wins
def trouble(n):
    if n == 0:
        return int('zero')
    if n == 1:
        return [1, 2][5]
    if n == 2:
        return {'a': 1}['b']
    if n == 3:
        return 'x' + 3
    if n == 4:
        return 5 % 0
    return n

for n in range(6):
    try:
        print('value', trouble(n))
    except (ValueError, TypeError) as e:
        print(n, 'value-or-type', type(e).__name__, e)
    except LookupError as e:
        print(n, 'lookup', type(e).__name__, e)
    except ArithmeticError as e:
        print(n, 'arith', type(e).__name__, e)

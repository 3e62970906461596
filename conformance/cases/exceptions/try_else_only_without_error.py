# else runs only when no exception; errors in else are not caught by the same try
def attempt(a, b):
    try:
        q = a / b
    except ZeroDivisionError:
        print('div by zero for', a)
        return None
    else:
        print('quotient', q)
        return q
    finally:
        print('done', a, b)

print(attempt(6, 3))
print(attempt(1, 0))
def else_raises():
    try:
        x = 1
    except ValueError:
        print('not reached')
    else:
        int('boom')
try:
    else_raises()
except ValueError as e:
    print('escaped from else:', e)

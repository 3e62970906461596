# exact messages of TypeErrors from bad operands
def attempt(label, a, b):
    try:
        if label == '+':
            return a + b
        if label == '-':
            return a - b
        if label == '*':
            return a * b
        if label == '<':
            return a < b
        if label == '/':
            return a / b
    except TypeError as e:
        return 'TypeError: ' + str(e)

print(attempt('+', 1, 'a'))
print(attempt('+', 'a', 1))
print(attempt('+', [1], (2,)))
print(attempt('-', 'abc', 'b'))
print(attempt('*', 'ab', 2.5))
print(attempt('*', [1], [2]))
print(attempt('<', 1, 'x'))
print(attempt('<', {1}, 3))
print(attempt('/', 'x', 2))
print(attempt('+', None, 1))
print(attempt('-', {1: 2}, {1: 2}))
print(attempt('+', 1, 2.5))

# A float division by zero inside a specialized function: same message, same
# traceback line as the boxed path.


def ratio(a, b):
    total = 0.0
    for i in range(3):
        total += a / (b - i)
    return total


print(ratio(1.0, 5.0))
try:
    print(ratio(1.0, 2.0))
except ZeroDivisionError as e:
    print("caught", e)
try:
    print(1.5 + 10 ** 400)
except OverflowError as e:
    print("caught", e)
print(ratio(3.0, 1.0))

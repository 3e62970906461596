def digit_sum(n):
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s
def reverse_number(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r
print(digit_sum(2 ** 1000), reverse_number(1234567890123))
line = ""
for i in range(1, 16):
    if i % 15 == 0:
        line = line + "FizzBuzz "
    elif i % 3 == 0:
        line = line + "Fizz "
    elif i % 5 == 0:
        line = line + "Buzz "
    else:
        line = line + str(i) + " "
print(line)

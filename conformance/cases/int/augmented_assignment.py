x = 10
x += 5
print(x)
x -= 20
print(x)
x *= -3
print(x)
x //= 4
print(x)
x %= 7
print(x)
x **= 40
print(x)
x <<= 3
x >>= 1
x |= 1
x &= 0xFFFF
x ^= 0xF0
print(x)
y = 1.5
y /= 2
print(y)

a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a + b, -a - b, -a * b, -a / b, -a // b, -a % b)
print(a // -b, a % -b, -a // -b, -a % -b)
print(0 // 7, 0 % 7, 7 // 7, -1 // 7, -1 % 7)

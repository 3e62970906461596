print("before")
x = 10
print(x // 0)
print("after")

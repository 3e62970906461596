# freeing a very deeply nested structure must not exhaust the stack
x = None
for i in range(300000):
    x = (0, x)
print("built")
x = None
print("freed")
y = []
for i in range(200000):
    y = [y, i]
del y
print("done")

print("before")
print(undefined_name + 1)

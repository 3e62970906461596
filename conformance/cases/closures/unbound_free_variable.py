def outer():
    def inner():
        return value
    try:
        inner()
    except NameError as e:
        print("caught:", e)
    value = 42
    print(inner())

outer()

def outer2():
    def inner():
        return pending_result
    r = inner()
    pending_result = 1
    return r

print("calling outer2")
outer2()

log = []

def tag(label):
    def deco(fn):
        log.append("decorating with " + label)
        def wrapper(x):
            log.append("enter " + label)
            r = fn(x)
            log.append("exit " + label)
            return f"<{label}>{r}</{label}>"
        return wrapper
    return deco

@tag("a")
@tag("b")
@tag("c")
def body(x):
    log.append("body")
    return str(x)

print(log)
log.clear()
print(body(7))
for line in log:
    print(line)

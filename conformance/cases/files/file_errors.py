# What goes wrong with files: missing files, bad modes and arguments, closed files,
# the wrong kind of data, and operations the mode does not allow.
try:
    open("missing/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
    print(e.errno, e.strerror, e.filename, e.args)
except OSError:
    print("not reached")

with open("exists.txt", "w") as f:
    f.write("x")
try:
    open("exists.txt", "x")
except FileExistsError as e:
    print(type(e).__name__, e)
try:
    open(".")
except IsADirectoryError as e:
    print(type(e).__name__, e)
try:
    open("exists.txt/inner")
except OSError as e:
    print(type(e).__name__, e)

for mode in ["rw", "q", "rr", "rbt", "", "bb"]:
    try:
        open("exists.txt", mode)
    except ValueError as e:
        print(repr(mode), e)
for kwargs in [{"encoding": "utf-8"}, {"errors": "strict"}, {"newline": ""}]:
    try:
        open("exists.txt", "rb", **kwargs)
    except ValueError as e:
        print(e)
try:
    open("exists.txt", newline="x")
except ValueError as e:
    print(e)
for bad in [3.5, None, ["exists.txt"]]:
    try:
        open(bad)
    except TypeError as e:
        print(e)
try:
    open("exists.txt", 1)
except TypeError as e:
    print(e)
try:
    open("exists.txt", "r", buffering=-1, colour="red")
except TypeError as e:
    print(e)

f = open("exists.txt", "w")
for value in [3, b"bytes", None]:
    try:
        f.write(value)
    except TypeError as e:
        print(e)
try:
    f.writelines(["ok", 7])
except TypeError as e:
    print(e)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, isinstance(e, OSError), e)
f.close()
for action in ["write", "read", "readline", "iterate", "with"]:
    try:
        if action == "write":
            f.write("late")
        elif action == "read":
            f.read()
        elif action == "readline":
            f.readline()
        elif action == "iterate":
            for line in f:
                pass
        else:
            with f:
                pass
    except ValueError as e:
        print(action, e)

b = open("exists.txt", "rb")
try:
    b.write(b"no")
except OSError as e:
    print(type(e).__name__, e)
try:
    b.write("text")
except OSError as e:
    print(type(e).__name__, e)
b.close()
for action in ["read", "readline", "readlines"]:
    try:
        getattr(b, action)()
    except ValueError as e:
        print(action, e)
w = open("out.bin", "wb")
for value in ["text", 5]:
    try:
        w.write(value)
    except TypeError as e:
        print(e)
try:
    w.read()
except ValueError as e:
    print(type(e).__name__, e)
w.close()
try:
    w.write(b"late")
except ValueError as e:
    print(e)
try:
    w.flush()
except ValueError as e:
    print(e)

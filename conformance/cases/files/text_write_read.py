# Writing a text file and reading it back every way: read, readline, readlines,
# iteration, print(file=...), and the attributes of the file object.
with open("notes.txt", "w") as f:
    print(type(f).__name__, f.name, f.mode, f.closed, f.encoding)
    print(f.write("first line\n"))
    print(f.write("naïve café\n"))
    f.writelines(["alpha\n", "beta\n", "gamma"])
    print("\nprinted", 42, sep=": ", file=f)
print(f.closed)

with open("notes.txt") as f:
    print(repr(f.read()))

with open("notes.txt") as f:
    print(repr(f.readline()))
    print(repr(f.read(5)))
    print(repr(f.readline(3)))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))

with open("notes.txt") as f:
    for number, line in enumerate(f, 1):
        print(number, line.rstrip("\n"))

with open("notes.txt", "a") as f:
    f.write("appended\n")

lines = list(open("notes.txt"))
print(len(lines), lines[-1])
words = sum(len(line.split()) for line in open("notes.txt"))
print("words:", words)

f = open("notes.txt", "r")
print(next(f), end="")
print(next(iter(f)), end="")
f.close()
f.close()
print(f.closed)

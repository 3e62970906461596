# io.UnsupportedOperation is both an OSError and a ValueError, and prints with
# its module name when uncaught.
with open("data.txt", "w") as f:
    f.write("1\n2\n3\n")
f = open("data.txt")
try:
    f.write("4\n")
except ValueError as e:
    print("as ValueError:", e)
try:
    f.write("4\n")
except OSError as e:
    print("as OSError:", e, e.args)
print(sum(int(line) for line in f))
f.write("4\n")

# maxsplit is a C ssize_t: any int that fits 64 bits is accepted, a bigger one
# raises OverflowError.
print("a b c".split(" ", 2**62), "a b c".rsplit(None, 2**62 + 5))
try:
    "a b".split(" ", 2**64)
except OverflowError as e:
    print("OverflowError:", e)

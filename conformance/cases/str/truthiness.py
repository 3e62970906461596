for s in ("", "a", " ", "0", "False"):
    if s:
        print(repr(s), "is true")
    else:
        print(repr(s), "is false")
print(bool(""), bool("x"), not "", not "y")

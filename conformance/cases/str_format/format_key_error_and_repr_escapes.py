# repr escapes what Python 3.11 (Unicode 14) finds unprintable; str.format's KeyError holds the key itself
try:
    "{\x85}".format()
except KeyError as e:
    print(repr(e), str(e))
try:
    "{it's}".format()
except KeyError as e:
    print(repr(e))
print(repr("a\U0001FAE8b"), repr("\u0378"))

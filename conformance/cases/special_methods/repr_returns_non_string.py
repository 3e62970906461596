class BadRepr:
    def __repr__(self):
        return 42

class BadStr:
    def __str__(self):
        return ["not", "a", "string"]
    def __repr__(self):
        return "BadStr()"

for label, fn in [
    ("repr(BadRepr)", lambda: repr(BadRepr())),
    ("str(BadRepr)", lambda: str(BadRepr())),
    ("print list", lambda: str([BadRepr()])),
    ("str(BadStr)", lambda: str(BadStr())),
    ("repr(BadStr)", lambda: repr(BadStr())),
    ("fstring", lambda: f"{BadStr()}"),
]:
    try:
        print(label, "->", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
print(BadStr())

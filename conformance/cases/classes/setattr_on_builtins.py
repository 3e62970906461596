class Plain:
    kind = "plain"
    def method(self):
        return "m"

p = Plain()
p.method = "shadowed"
print(p.method, Plain().method())
setattr(p, "kind", "mine")
print(p.kind, Plain.kind)

attempts = [
    ("int attr", lambda: setattr(5, "x", 1)),
    ("str method", lambda: setattr("s", "upper", 5)),
    ("list method", lambda: setattr([], "append", None)),
    ("list new attr", lambda: setattr([], "tag", 1)),
    ("dict method", lambda: setattr({}, "keys", 0)),
    ("none attr", lambda: setattr(None, "x", 1)),
    ("del str method", lambda: delattr("s", "upper")),
    ("del int attr", lambda: delattr(1, "real")),
]
for label, fn in attempts:
    try:
        fn()
        print(label, "ok")
    except AttributeError as e:
        print(label, "->", e)
print(getattr("abc", "upper")(), getattr(5, "real"), hasattr([], "append"))

# `...` (Ellipsis): a placeholder body and a value of its own.
def todo():
    ...


class Protocol:
    def method(self) -> int: ...


print(todo(), Protocol().method(), ..., Ellipsis, ... is Ellipsis, ... == Ellipsis)
print(type(...).__name__, bool(...), repr(...), str(...), [1, ..., 3], {...: "dots"})
print(hash(...) == hash(Ellipsis), (...,) == (Ellipsis,), ... != None)

# A user exception with several builtin bases behaves as the most derived one.
class AppError(Exception):
    pass


class MissingKey(AppError, KeyError):
    pass


class BadIndex(AppError, IndexError):
    pass


print(MissingKey.__mro__)
print(str(MissingKey("k")), repr(MissingKey("k")), str(BadIndex("i")))
for exc in [MissingKey("user"), BadIndex(5)]:
    try:
        raise exc
    except LookupError as e:
        print(type(e).__name__, e, isinstance(e, AppError), isinstance(e, KeyError))
try:
    {}["x"]
except AppError:
    print("not reached")
except KeyError as e:
    print("plain KeyError", e)
raise MissingKey("final")

# OSError's constructor picks the subclass for an errno, keeps the filename out
# of args, and prints "[Errno N] message: 'filename'".
for args in [(2, "gone"), (2, "gone", "data.csv"), (13, "denied", "secret"), (17, "exists"),
             (21, "is a dir", "tmp"), (99, "other"), ("just a message",), (), (1, 2, 3, 4)]:
    e = OSError(*args)
    print(type(e).__name__, repr(str(e)), e.args, e.errno, e.strerror, e.filename)

e = FileNotFoundError(2, "No such file or directory", "config.ini")
print(e, isinstance(e, OSError), e.filename)
print(IOError is OSError, EnvironmentError is OSError)


class StorageError(OSError):
    pass


try:
    raise StorageError(28, "No space left on device", "/big")
except OSError as err:
    print(type(err).__name__, err, err.errno, err.args)

try:
    with open("nowhere/x") as f:
        pass
except OSError as err:
    print(type(err).__name__, err.args, err.filename)
raise PermissionError(13, "Permission denied", "locked.txt")

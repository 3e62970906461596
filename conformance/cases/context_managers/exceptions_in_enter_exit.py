class BadEnter:
    def __enter__(self):
        raise RuntimeError("cannot enter")
    def __exit__(self, *a):
        print("exit should not run")

class BadExit:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        raise LookupError("exit failed")

try:
    with BadEnter():
        print("no body")
except RuntimeError as e:
    print(e)
try:
    with BadExit():
        print("body ran")
except LookupError as e:
    print(e)
try:
    with BadExit():
        raise ValueError("original")
except LookupError as e:
    print(e, "| context:", repr(e.__context__))
for obj in [3, "text", BadEnter]:
    try:
        with obj:
            pass
    except TypeError as e:
        print(e)

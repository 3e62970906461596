class NotAnError:
    pass

try:
    raise NotAnError()
except TypeError as e:
    print("TypeError:", e)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)

class Good(Exception):
    pass
try:
    raise Good
except Good as e:
    print("class raised:", type(e).__name__, e.args)
try:
    try:
        raise Good("inner")
    except NotAnError:
        print("never")
except TypeError as e:
    print("TypeError:", e)

class NetworkError(Exception): pass
class DiskError(Exception): pass

def risky(kind):
    if kind == "net":
        raise NetworkError("connection reset")
    raise DiskError("disk full")

try:
    risky("net")
except NetworkError as e:
    print("handled:", e)

def wrapper():
    try:
        risky("disk")
    except NetworkError:
        print("should not run")
    finally:
        print("cleanup")

wrapper()

class StoreError(Exception): pass
class NotFound(StoreError): pass
class Forbidden(StoreError): pass
class Expired(Forbidden): pass

def fetch(key):
    if key == "missing":
        raise NotFound(key)
    if key == "secret":
        raise Forbidden(key)
    if key == "old":
        raise Expired(key)
    return key.upper()

for k in ["ok", "missing", "secret", "old"]:
    try:
        print("got", fetch(k))
    except Expired as e:
        print("expired:", e)
    except Forbidden as e:
        print("forbidden:", e)
    except StoreError as e:
        print("store error:", type(e).__name__, e)
print([c.__name__ for c in Expired.__mro__])

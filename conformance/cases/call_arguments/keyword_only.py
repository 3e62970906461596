def connect(host, *, port=80, secure=False):
    return f"{'https' if secure else 'http'}://{host}:{port}"

print(connect("a.com"))
print(connect("b.com", port=8080))
print(connect("c.com", secure=True, port=443))
try:
    connect("d.com", 8080)
except TypeError as e:
    print(e)

def required_kw(*, key):
    return key * 2
print(required_kw(key=4))
try:
    required_kw()
except TypeError as e:
    print(e)
try:
    required_kw(3)
except TypeError as e:
    print(e)

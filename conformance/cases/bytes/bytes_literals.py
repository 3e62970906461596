# Bytes literals: escapes, raw and implicit concatenation, and what they compare to.
a = b"plain"
b = b'\x00\x7f\x80\xff'
c = rb"raw\n" b" joined"
d = b"tab\tnew\nquote\"'"
print(a, b, c, d)
print(len(a), len(b), len(c), len(d))
print(a[0], a[-1], a[1:3], b[::-1])
print(list(b), bytes([104, 105]))
print(a == b"plain", a == "plain", a != b"Plain", a < b"plainer")
print(b"ell" in a, 108 in a, b"" in a)
print(a + b"!", a * 2)
print(a.decode(), b.hex(), b"caf\xc3\xa9".decode("utf-8"))
print({a: 1}[b"plain"], hash(a) == hash(b"plain"))
print(repr(b""), bool(b""), bool(b"\x00"))
print(b"%s" if False else b"done")


def f():
    return b"same"


print(f() is f(), f() == b"same")

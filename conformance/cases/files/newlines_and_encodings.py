# Newline translation on reading and writing, and the text encoding.
with open("raw.txt", "wb") as f:
    f.write(b"a\r\nb\rc\nd")

for newline in [None, "", "\n", "\r", "\r\n"]:
    with open("raw.txt", newline=newline) as f:
        print(repr(newline), f.readlines())
    with open("raw.txt", newline=newline) as f:
        print(repr(newline), repr(f.read()))

for newline in [None, "", "\n", "\r", "\r\n"]:
    with open("out.txt", "w", newline=newline) as f:
        f.write("x\ny\n")
    with open("out.txt", "rb") as f:
        print(repr(newline), f.read())

with open("utf8.txt", "w", encoding="utf-8") as f:
    print(f.write("żółw 🐢\n"))
with open("utf8.txt", "rb") as f:
    print(f.read())
with open("utf8.txt", encoding="utf-8") as f:
    text = f.read()
    print(text, len(text))

with open("latin.txt", "w", encoding="latin-1") as f:
    f.write("café")
print(open("latin.txt", "rb").read())
print(open("latin.txt", encoding="latin-1").read())

with open("ascii.txt", "w", encoding="ascii") as f:
    try:
        f.write("naïve")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
    f.write("plain")
print(open("ascii.txt").read())

with open("bad.txt", "wb") as f:
    f.write(b"ok \xff end")
try:
    open("bad.txt").read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(open("bad.txt", errors="replace").read())
try:
    open("x.txt", "w", encoding="no-such-codec")
except LookupError as e:
    print("LookupError:", e)

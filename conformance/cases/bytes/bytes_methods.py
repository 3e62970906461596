# The methods of bytes: splitting, joining, stripping, searching, replacing and
# the ASCII tests, with the errors CPython gives for the wrong argument types.
record = b"  GET /index.html HTTP/1.1\r\nHost: example.org\r\n\r\n"
print(record.split())
print(record.split(b"\r\n"))
print(record.strip().split(b" ", 1))
print(record.rsplit(None, 2), record.rsplit(b"\r\n", 1))
print(b"a,b,,c".split(b","), b"a,b,,c".split(b",", 1), b"a,b,,c".rsplit(b",", 1))
print(b"  x  ".split(maxsplit=0), b" a b c ".rsplit(maxsplit=1), b"".split(), b"".split(b","))
print(record.splitlines(), record.splitlines(keepends=True))
print(b", ".join([b"alpha", b"beta"]), b"".join([]), b"-".join((b"x",)))
print(b"--x--".strip(b"-"), b"--x--".lstrip(b"-"), b"--x--".rstrip(b"-"), b"\t x \n".strip())
print(record.strip().startswith(b"GET"), record.endswith(b"\r\n"), b"abc".startswith((b"x", b"ab")))
print(b"abc".startswith(b"b", 1), b"abc".endswith(b"b", 0, 2), b"abc".startswith(b"", 4))
print(b"banana".find(b"an"), b"banana".rfind(b"an"), b"banana".find(b"x"), b"banana".find(110))
print(b"banana".index(b"na"), b"banana".rindex(b"na"), b"banana".count(b"a"), b"banana".count(b""))
print(b"banana".find(b"a", 2, 4), b"banana".count(b"a", -3), b"banana".find(b"", 7))
print(b"banana".replace(b"a", b"o"), b"banana".replace(b"a", b"o", 2), b"ab".replace(b"", b"."))
print(b"key=value=x".partition(b"="), b"key=value=x".rpartition(b"="), b"none".partition(b"="))
print(b"none".rpartition(b"="), b"prefix-body".removeprefix(b"prefix-"), b"body.txt".removesuffix(b".py"))
print(b"Hello World \xe9".upper(), b"Hello World".lower())
for sample in [b"123", b"abc", b"abc123", b" \t", b"ABC", b"abc", b"", b"A1b"]:
    print(sample, sample.isdigit(), sample.isalpha(), sample.isalnum(), sample.isspace(),
          sample.isupper(), sample.islower())

for call in [lambda: b"a b".split(1), lambda: b"a".startswith("a"), lambda: b"a".find("a"),
             lambda: b"a".find(300), lambda: b"".join([b"a", "b"]), lambda: b"".join(5),
             lambda: b"a".strip("a"), lambda: b"a".replace("a", b"b"), lambda: b"a".index(b"z"),
             lambda: b"a".split(b""), lambda: b"a".partition(b""), lambda: b"a".upper(1),
             lambda: b"a".strip(b"a", b"b"), lambda: b"a".count(1.5)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# Searching str and bytes: one-byte and longer needles, non-ASCII text (offsets
# count characters), overlapping candidates, windows, and ints formatted in
# every base on both sides of the machine word.

text = "héllo wörld, héllo again; aaaa 😀b😀b😀 ééé"
for needle in ["l", "é", "héllo", "aa", "😀b", "b😀", "é é", "zz", "o", "😀"]:
    print(
        repr(needle),
        text.find(needle),
        text.rfind(needle),
        text.count(needle),
        text.find(needle, 3, 30),
        text.rfind(needle, 0, -5),
        text.count(needle, 2, -2),
    )
    print(text.split(needle, 2), text.rsplit(needle, 1))
    print(text.partition(needle), text.rpartition(needle))
    print(text.replace(needle, "<>"), text.replace(needle, "", 1))
print("aaaaa".count("aa"), "aaaaa".replace("aa", "b"), "aaaaa".split("aa"))
print("abc".find(""), "abc".rfind(""), "abc".count(""), "".find("a"), "".count("a"))
data = "héllo".encode() * 3 + b"\x00\xff\x00"
for sub in [b"l", b"\xc3\xa9", b"llo", b"\x00", b"\xff\x00", b"q"]:
    print(sub, data.find(sub), data.rfind(sub), data.count(sub), data.split(sub, 1))
    print(data.partition(sub), data.rpartition(sub), data.replace(sub, b"-"))
print(b"aaaa".count(b"aa"), b"abc".count(b""), b"abc".find(b""), b"abc".rfind(b""))
for n in [0, 7, -7, 2**32, 2**63 - 1, 2**63, -(2**63), 2**64 - 1, 2**64, 3**50, -(3**50)]:
    print(f"{n} {n:x} {n:#o} {n:b} {n:>30,} {n:_x} {n:+d}", format(n), str(n))

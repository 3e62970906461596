# Methods of builtin objects called again and again at the same site, with the
# receiver's type changing under the site, a list subclass overriding a
# method, wrong argument counts, and single characters shared as in CPython.


class Loud(list):
    def append(self, x):
        print("Loud.append", x)
        super().append(x * 10)


def add_all(target, items):
    for x in items:
        target.append(x)
    return target


print(add_all([], range(3)), add_all(Loud(), range(2)), add_all([0], "ab"))


def probe(values):
    out = []
    for v in values:
        out.append((v.isdigit(), v.isalpha(), v.isspace(), v.upper(), v.split("b")))
    return out


print(probe(["12", "ab", " ", "a1b", "", "é", "٣"]))


def counts(things):
    return [t.count("a") for t in things]


print(counts(["banana", ("a", "b", "a"), ["a"], b"aaa".decode()]))

for call in [
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: "x".isdigit(1),
    lambda: "x".split(",", 1, 2),
    lambda: {}.get(),
    lambda: set().add(),
    lambda: "abc".find(),
    lambda: (1,).index(2),
    lambda: [1].pop(5),
    lambda: [].pop(),
]:
    for _ in range(2):
        try:
            call()
        except Exception as e:
            print(type(e).__name__, e)

d = {"a": 1}
for key in ["a", "b", "a"]:
    print(d.get(key), d.get(key, 0), d.setdefault(key, 5))
print(sorted(d.items()), "x".join(["1", "2"]), "a-b".partition("-"))
print("-".join(sorted({"b", "a"})), "  pad ".strip(), "AbC".lower())
print(b"a,b".split(b","), "{}{}".format(1, 2), "{x}".format(x=3))

text = "hello"
ell, oh, e_acute = "l", "o", "é"
print(text[1] is text[2], text[2] is ell, text[-1] is oh, chr(108) is text[2])
print([c for c in text][2] is text[3], e_acute[0] is "ñé"[-1:][0], max(text) is oh)
for m in ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]:
    for args in [(), ("a", 1, 2, 3)]:
        try:
            getattr("abc", m)(*args)
        except TypeError as e:
            print(e)

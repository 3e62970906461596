class Version:
    def __init__(self, s):
        self.parts = [int(p) for p in s.split(".")]
    def __repr__(self):
        return "v" + ".".join([str(p) for p in self.parts])
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts

vs = [Version(s) for s in ["1.10", "1.2", "0.9.9", "1.2.0", "2"]]
print(sorted(vs))
print(max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(Version("3") == Version("3"), Version("3") != Version("3"))
print(a < b < Version("2"))

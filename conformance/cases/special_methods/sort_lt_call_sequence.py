calls = []

class Only:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        calls.append(f"{self.v}<{other.v}")
        return self.v < other.v
    def __repr__(self):
        return f"O{self.v}"

for data in [[3, 1, 2], [1, 2, 3], [2, 2, 1], [5, 4, 3, 2, 1], [1, 3, 2, 5, 4]]:
    calls.clear()
    result = sorted([Only(v) for v in data])
    print(data, "->", result, "calls:", " ".join(calls))
calls.clear()
print(max([Only(2), Only(7), Only(4)]), min([Only(2), Only(7), Only(4)]), calls)

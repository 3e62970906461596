# keys and items views support the set operators
d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "d": 4}
print(sorted(d.keys() & e.keys()), sorted(d.keys() - e.keys()), sorted(d.keys() | e.keys()))
print(sorted(d.keys() ^ {"a", "z"}), sorted({"a", "q"} & d.keys()))
print(sorted(d.items() & {("a", 1), ("b", 3)}), sorted(d.keys() - ["a"]))
n = {1: "x", 2: "y", 3: "z"}
print(n.keys() & {2, 3, 4}, n.keys() | {9})

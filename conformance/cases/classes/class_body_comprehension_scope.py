label = "global label"

class Table:
    label = "class label"
    size = 3
    # the outermost iterable is evaluated in the class scope
    cells = [i * 10 for i in range(size)]
    # the comprehension body skips the class scope and sees the global
    tags = [label for _ in range(2)]
    pairs = {k: label[:5] for k in "ab"}

print(Table.cells, Table.tags, Table.pairs)

def build(prefix):
    class Local:
        prefix = "class prefix"
        names = [prefix + str(i) for i in range(2)]
        def get(self):
            return prefix
    return Local

L = build("arg-")
print(L.names, L().get(), L.prefix)

try:
    class Broken:
        factor = 2
        scaled = [factor * n for n in range(3)]
except NameError as e:
    print("NameError:", e)
print("done")

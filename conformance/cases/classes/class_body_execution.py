print("before class")
class Table:
    print("inside class body")
    rows = [i * 2 for i in range(3)]
    total = 0
    for r in [1, 2, 3]:
        total += r
    label = "T" + str(total)
    def get(self):
        return self.label
print("after class")
print(Table.rows, Table.total, Table.label, Table.r)
print(Table().get())

class ReadOnly:
    def __getitem__(self, key):
        return f"item {key!r}"

class Nothing:
    pass

ro = ReadOnly()
print(ro[0], ro["k"], ro[1:2])

def assign_ro():
    ro[0] = 1
def delete_ro():
    del ro[0]
def augment_ro():
    ro[0] += "x"
def index_nothing():
    return Nothing()[0]
def index_class():
    return ReadOnly[0]
def index_other_class():
    return Nothing["key"]
def assign_nothing():
    Nothing()[0] = 1

for fn in [assign_ro, delete_ro, augment_ro, index_nothing, index_class, index_other_class, assign_nothing]:
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)
print(ReadOnly[1])

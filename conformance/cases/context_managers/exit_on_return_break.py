class Log:
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        print("enter", self.label)
    def __exit__(self, *info):
        print("exit", self.label, info[0] is None)

def first_even(xs):
    for x in xs:
        with Log(x):
            if x % 2 == 0:
                return x
            if x > 6:
                break
    return None

print(first_even([1, 3, 4, 5]))
print(first_even([1, 7, 8]))
for i in range(3):
    with Log(f"loop{i}"):
        if i == 1:
            continue
        print("body", i)

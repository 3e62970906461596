class Empty:
    def __len__(self):
        return 0

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("bool called")
        return self.on
    def __len__(self):
        print("len called")
        return 1

print(bool(Empty()), bool(Sized(3)), len(Sized(7)))
print(bool(Flag(False)), not Flag(True))
if Sized(0) or Flag(True):
    print("truthy")
print([x.n for x in [Sized(0), Sized(2)] if x])
print(Sized(1) and "yes", Empty() or "fallback")
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)

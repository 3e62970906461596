class Only:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"__lt__({self.v}, {o.v})")
        return self.v < o.v

a, b = Only(1), Only(2)
print(a < b)
print(b > a)
print(max(Only(3), Only(1)).v)
try:
    a <= b
except TypeError as e:
    print(e)
try:
    a < 5
except AttributeError as e:
    print("AttributeError", e)
try:
    5 < 6 < a
except TypeError as e:
    print("TypeError", e)
print(5 > 6 < a)
a > 1

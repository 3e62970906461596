class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"<{self.name}>")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print(f"</{self.name}>")
        return False

with Tag("html") as h:
    with Tag("body") as b, Tag("p") as p:
        print(h, b, p)
print("done")

print(len("hello"), len(""), len("naïve"), len(str(2 ** 100)), len(repr("a'b")))

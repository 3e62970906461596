class E(Exception):
    pass

for args in [(), ("one",), (1, 2), (None,), ([1, 2],)]:
    e = E(*args)
    print(len(e.args), repr(str(e)), repr(e))

class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(WithDefault(), WithDefault("custom"), WithDefault().args)

class NoSuper(Exception):
    def __init__(self, code):
        self.code = code
e = NoSuper(5)
print(e.code, e.args, repr(str(e)))
raise NoSuper(7)

class ParseError(Exception):
    def __init__(self, line, col, msg):
        self.line, self.col, self.msg = line, col, msg
        super().__init__(line, col, msg)

    def __str__(self):
        return f"line {self.line}, col {self.col}: {self.msg}"

try:
    raise ParseError(3, 14, "unexpected token")
except ParseError as e:
    print(e)
    print(e.args)
    print(repr(e))
    print(f"[{e}]")
raise ParseError(7, 1, "unterminated string")

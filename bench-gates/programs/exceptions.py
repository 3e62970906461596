# Exceptions: raising and catching user exceptions in a loop, failing int()
# parses, missing dict keys, finally blocks and exception chaining.
import sys


class ParseError(Exception):
    def __init__(self, text, position):
        super().__init__(f"bad input {text!r} at {position}")
        self.position = position


def parse_field(text, position):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(text, position) from e


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return -1
    finally:
        table["lookups"] = table.get("lookups", 0) + 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 730000
    fields = [str(i) if i % 4 else "x" + str(i) for i in range(n)]
    good = 0
    bad = 0
    last = ""
    for i, f in enumerate(fields):
        try:
            good += parse_field(f, i)
        except ParseError as e:
            bad += e.position % 10
            last = str(e)
    table = {i: i * i for i in range(0, n, 3)}
    found = 0
    for i in range(n):
        found += lookup(table, i)
    zero = 0
    for i in range(n):
        try:
            zero += 100 // (i % 5)
        except ZeroDivisionError:
            zero -= 1
    print(good, bad, last, found, table["lookups"], zero)


main()

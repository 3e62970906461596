# The exception an `except` block handles belongs to its frame: a generator
# suspended inside `except` keeps its own, and the code resuming it keeps its.


def inner():
    try:
        raise KeyError("inner")
    except KeyError:
        yield "inner-1"
        yield "inner-2"
        try:
            raise
        except KeyError as e:
            yield "inner re-raised " + repr(e)


def outer():
    it = inner()
    try:
        raise ValueError("outer")
    except ValueError:
        for item in it:
            yield "outer got " + item
            try:
                raise
            except ValueError as e:
                yield "outer still handles " + repr(e)


def plain():
    yield 1
    yield 2


def main():
    try:
        raise TypeError("main")
    except TypeError:
        for line in outer():
            print(line)
            try:
                raise
            except TypeError as e:
                print("main still handles", repr(e))
    # Nothing handled here any more: a bare raise has nothing to re-raise.
    try:
        raise
    except RuntimeError as e:
        print("RuntimeError:", e)
    total = 0
    for _ in range(3):
        for x in plain():
            try:
                if x == 2:
                    raise IndexError(x)
            except IndexError as e:
                total += e.args[0]
    print(total)


main()

# Found by `skink fuzz` (seed 200634), minimized: an uncaught exception whose
# message ends in a newline; its last line is "ZeroDivisionError: " for both (the
# harness reads stderr without the blank line that follows).
try:
    if (not False):
        raise ZeroDivisionError('x\ny'[1:2**62 - 1:2])
except ValueError as e11:
    pass
except ValueError as e12:
    pass

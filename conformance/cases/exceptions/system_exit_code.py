# SystemExit ends the program with its code and no traceback
try:
    raise SystemExit(3)
except SystemExit as e:
    print("caught", e.code, repr(e))
try:
    raise SystemExit
except Exception:
    print("not here")
except BaseException as e:
    print("base", e.code)
print("leaving")
raise SystemExit(7)

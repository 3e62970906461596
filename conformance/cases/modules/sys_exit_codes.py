import sys
def check(flag):
    if not flag:
        print("failing with code 4")
        sys.exit(4)
    print("ok")
check(True)
try:
    sys.exit("message")
except SystemExit as e:
    print("caught", e.code)
check(False)
print("never")

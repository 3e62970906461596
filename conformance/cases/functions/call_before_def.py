print("start")
later()
def later():
    print("never")

class Noisy:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit saw", et.__name__)

with Noisy():
    print("working")
    raise KeyError("lost key")

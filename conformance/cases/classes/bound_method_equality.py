# Bound methods compare equal when they bind the same function to the same object.
class Listener:
    def __init__(self, name):
        self.name = name

    def notify(self, event):
        print(self.name, "got", event)

    def other(self, event):
        pass


class Bus:
    def __init__(self):
        self.handlers = []

    def subscribe(self, handler):
        if handler not in self.handlers:
            self.handlers.append(handler)

    def unsubscribe(self, handler):
        self.handlers.remove(handler)

    def publish(self, event):
        for h in self.handlers:
            h(event)


a, b = Listener("a"), Listener("b")
bus = Bus()
bus.subscribe(a.notify)
bus.subscribe(a.notify)
bus.subscribe(b.notify)
print(len(bus.handlers))
bus.publish("start")
bus.unsubscribe(a.notify)
bus.publish("next")
print(a.notify == a.notify, a.notify != a.notify, a.notify == a.other, a.notify == b.notify)
print({a.notify: 1}.get(a.notify), hash(a.notify) == hash(a.notify))
xs, ys = [], []
print(xs.append == xs.append, xs.append == ys.append, xs.append == xs.pop)
try:
    bus.unsubscribe(a.notify)
except ValueError as e:
    print(e)

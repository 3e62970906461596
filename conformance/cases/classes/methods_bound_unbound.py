class Dog:
    sound = "woof"
    def __init__(self, name):
        self.name = name
    def speak(self, times=1):
        return f"{self.name}: " + " ".join([self.sound] * times)

rex = Dog("Rex")
fido = Dog("Fido")
speak = rex.speak
print(speak(), speak(3))
print(Dog.speak(fido, 2))
methods = [rex.speak, fido.speak]
print([m() for m in methods])
rex.name = "Rexy"
print(speak())
fns = {"s": Dog.speak}
print(fns["s"](rex))
print(type(speak).__name__, type(Dog.speak).__name__)

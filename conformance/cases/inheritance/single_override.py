class Animal:
    legs = 4
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} has {self.legs} legs and says {self.speak()}"

class Bird(Animal):
    legs = 2
    def speak(self):
        return "tweet"

class Dog(Animal):
    def speak(self):
        return "woof"

for a in [Animal("thing"), Bird("tweety"), Dog("rex")]:
    print(a.describe())
print(isinstance(Bird("b"), Animal), issubclass(Dog, Animal), issubclass(Animal, Dog))
print(issubclass(Bird, Bird), isinstance(Dog("d"), Bird))

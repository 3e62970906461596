class Vehicle: pass
class Car(Vehicle): pass
class Boat(Vehicle): pass
class Amphibian(Car, Boat): pass

things = [Vehicle(), Car(), Boat(), Amphibian(), 5, "s"]
for t in things:
    print(type(t).__name__, isinstance(t, Vehicle), isinstance(t, (Car, Boat)), isinstance(t, (int, str)))
print(issubclass(Amphibian, (Boat, int)), issubclass(bool, int), issubclass(Car, object))
print(isinstance(True, int), isinstance(3, bool), issubclass(Amphibian, Amphibian))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(5, int)
except TypeError as e:
    print(e)

class Sensor:
    def __init__(self, readings):
        self.readings = readings

    @property
    def average(self):
        return sum(self.readings) / len(self.readings)

print(Sensor([1, 2, 3, 4]).average)
try:
    print(Sensor([]).average)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
s = Sensor([5])
print(s.average)
s.readings = []
print(s.average)

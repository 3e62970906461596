# an uncaught failing assert ends the program with its message
def average(xs):
    assert len(xs) > 0, 'empty list given to average'
    return sum(xs) / len(xs)

print(average([1, 2, 3]))
print(average([10]))
print(average([0.5, 0.25]))
print(average([-(10 ** 20), 10 ** 20]))
print(average([]))

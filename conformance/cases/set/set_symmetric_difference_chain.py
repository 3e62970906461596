# toggling membership with symmetric difference
lights = set()
for step in [3, 5, 3, 7, 1, 5, 9, 3]:
    lights ^= {step}
    print(step, lights)
print(sorted(lights))
x = {1, 2, 3} ^ {2, 3, 4} ^ {3, 4, 5}
print(x)
y = set(range(10))
y.symmetric_difference_update(range(5, 15))
print(y)

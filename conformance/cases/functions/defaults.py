def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Yo", "?"))
def counter_default(x, step=2 ** 70):
    return x + step
print(counter_default(1), counter_default(1, 1))

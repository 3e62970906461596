def describe(name, age, city="unknown"):
    return f"{name} ({age}) from {city}"

print(describe("Ann", 30))
print(describe(age=41, name="Bob"))
print(describe("Cy", city="Oslo", age=22))
print(describe("Di", 19, "Rome"))
print(describe(*["Ed", 50]))
print(describe(**{"name": "Flo", "age": 7, "city": "Nice"}))
print(describe("Gus", **{"age": 3}))

def area(width, height, *, unit="cm"):
    return f"{width * height}{unit}"

print(area(2, 3))
print(area(2, height=5, unit="m"))
try:
    area(2, 3, "mm")
except TypeError as e:
    print("caught:", e)
print(area(width=1, height=1))
area(1, depth=2, height=3)

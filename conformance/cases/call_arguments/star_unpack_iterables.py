def show(*args, **kwargs):
    return list(args), sorted(kwargs.items())

print(show(*"hi", *(1, 2), *[3]))
print(show(*{"a": 1, "b": 2}))
print(show(*range(3), sep="-"))
print(show(*[x * x for x in range(4)]))
print(show(**dict(one=1, two=2)))
args = (1, 2)
kwargs = {"end": "!"}
print(show(0, *args, 3, **kwargs, start="?"))
try:
    show(*5)
except TypeError as e:
    print(e)
try:
    show(**[1, 2])
except TypeError as e:
    print(e)

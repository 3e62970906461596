# str.removeprefix and str.removesuffix (3.9+).
names = ["test_parse.py", "test_eval.py", "helpers.py", "test_.py", "test_"]
for n in names:
    print(n.removeprefix("test_"), n.removesuffix(".py"), n.removeprefix("").removesuffix(""))
print("aaa".removeprefix("a"), "aaa".removesuffix("aa"), "".removeprefix("x"))
try:
    "x".removeprefix(1)
except TypeError as e:
    print(e)
try:
    "x".removesuffix()
except TypeError as e:
    print(e)

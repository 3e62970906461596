a = "ab"
b = "cd"
print(a + b, a * 3, 3 * a, a * 0, a * -2, "" * 5, (a + b) * 2)
s = ""
for i in range(5):
    s = s + str(i)
print(s, len(s))
print("é" * 3, len("é" * 3), len("日本語"), len(""), len("🐍🐍"))

print("a" < "b", "abc" < "abd", "ab" < "abc", "" < "a", "B" < "a", "é" > "z")
print("x" == "x", "x" != "y", "abc" >= "abc", "b" > "abc", "日" > "本")
print(min("pear", "apple", "fig"), max("pear", "apple", "fig"))

print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\t nl\n cr\r bs\\"), repr("\x00\x07\x1f\x7f"))
print(repr("é ñ 日本 🐍"), repr("\xa0\u2028\u200b"), repr(""))
print(repr(1), repr(-2.5), repr(True), repr(None), repr(10 ** 20))

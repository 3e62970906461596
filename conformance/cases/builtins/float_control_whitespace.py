# ASCII separators \x1c-\x1f are whitespace to str.isspace() but not to float().
print(float(" 2.5\t\n"))
print(float("\x1f2.5"))

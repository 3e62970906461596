# int() and float() read any Unicode decimal digits and whitespace (found by an outside tester).
print(int("٣"), int("１２"), int("٣", 16), int("0x١٠", 16), int("\u2003 7 \u3000"))
print(float("٣.٥"), float("\u00a0 1.25 \u2009"), int("𝟗𝟖"), int("٣") + 1)
print(int("\x1c5"))

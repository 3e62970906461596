# ord and chr conversions including a simple caesar cipher
print(ord('A'), ord('a'), ord('0'), ord(' '), ord('\n'), ord('\u00e9'), ord('\u20ac'))
print(chr(65), chr(97), chr(48), repr(chr(10)), chr(233), chr(8364))
def caesar(text, k):
    out = ''
    for ch in text:
        if ch.isupper():
            out += chr((ord(ch) - 65 + k) % 26 + 65)
        elif ch.islower():
            out += chr((ord(ch) - 97 + k) % 26 + 97)
        else:
            out += ch
    return out
msg = 'Hello, World! xyz'
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
print(caesar(msg, 26) == msg, caesar(msg, 13))

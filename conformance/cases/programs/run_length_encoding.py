# run-length encoding and decoding round trip
def encode(s):
    if not s:
        return []
    runs = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            runs.append((prev, count))
            prev = ch
            count = 1
    runs.append((prev, count))
    return runs

def to_text(runs):
    return ''.join([(str(n) if n > 1 else '') + ch for ch, n in runs])

def decode_text(t):
    out = ''
    num = ''
    for ch in t:
        if ch.isdigit():
            num += ch
        else:
            out += ch * (int(num) if num else 1)
            num = ''
    return out

for s in ['aaabccddddde', 'abc', '', 'zzzzzzzzzzzz', 'aabbaa', 'W' * 12 + 'B' + 'W' * 3]:
    runs = encode(s)
    t = to_text(runs)
    back = decode_text(t)
    print(repr(s), runs, repr(t), back == s, f'{len(t)}/{len(s)}')

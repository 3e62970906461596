# finding all occurrences with find in a loop
def find_all(s, sub):
    out = []
    i = s.find(sub)
    while i != -1:
        out.append(i)
        i = s.find(sub, i + 1)
    return out

def rfind_all(s, sub):
    out = []
    end = len(s)
    i = s.rfind(sub, 0, end)
    while i != -1:
        out.append(i)
        end = i + len(sub) - 1
        i = s.rfind(sub, 0, end)
    return out

text = 'aaa abaaba aa'
for sub in ['a', 'aa', 'aba', 'b', 'x']:
    print(repr(sub), find_all(text, sub), rfind_all(text, sub), text.count(sub))

# indexing past the end of a string raises IndexError
s = 'abc'
print(s[0], s[2], s[-3])
print(s[1:100])
print(s[-1], s[-2:], s[5:], repr(s[3:]))
for i in range(len(s)):
    print(i, s[i], s[-i - 1])
t = 'xyz' + s
print(t, t[len(t) - 1], t[-len(t)])
print(s[3])

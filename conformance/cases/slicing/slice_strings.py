# slicing strings
s = 'Hello, World!'
print(s[:5], s[7:], s[-6:-1], s[::2], s[::-1])
print(s[3:3] == '', s[100:] == '', s[-100:3])
print(s[1::3], s[-1::-4], s[5:0:-1])
word = 'racecar'
print(word == word[::-1], 'python'[::-1])
print('abcdef'[::2] + 'abcdef'[1::2])
for i in range(len(word) + 1):
    print(i, word[:i], word[i:])

# tuple index out of range raises IndexError
t = ('a', 'b', 'c')
print(t[2], t[-3])
print('z' in t, t[-1] + t[0])
print(t + ('d',), len(t))
try:
    print(t[-4])
except IndexError as e:
    print('caught:', e)
i = 0
while True:
    print('item', i, t[i])
    i += 1

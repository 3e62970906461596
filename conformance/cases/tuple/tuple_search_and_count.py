# searching and counting in tuples with loops, in and comprehensions
t = (1, 2, 3, 2, 1, 2, True, 1.0)
def count_in(seq, v):
    n = 0
    for x in seq:
        if x == v:
            n += 1
    return n

def position(seq, v, start=0):
    for i in range(start, len(seq)):
        if seq[i] == v:
            return i
    return -1

print(count_in(t, 2), count_in(t, 1), count_in(t, 4), count_in(t, True))
print(position(t, 2), position(t, 2, 2), position(t, 3), position(t, 1, 1), position(t, 9))
print([i for i, x in enumerate(t) if x == 2])
words = ('a', 'b', 'a', 'c')
print(count_in(words, 'a'), position(words, 'c'), 'c' in words, 'd' not in words)
print(len(t), sum(t), max(t), min(t))
print(list(t).index(3), list(t).count(2))

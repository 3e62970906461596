# filter with a predicate function and with None
def is_even(n):
    return n % 2 == 0

def long_word(w):
    return len(w) > 3

print(list(filter(is_even, range(11))))
print(list(filter(None, [0, 1, '', 'a', None, [], [0], False, 2.5])))
print(list(filter(long_word, 'a tree is here today'.split())))
print(list(filter(str.isdigit, ['12', 'ab', '3', ''])))
f = filter(is_even, [1, 2, 3, 4])
print(next(f), list(f))
print(tuple(filter(None, ())))

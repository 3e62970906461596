# unpacking values returned from functions
def stats(xs):
    return len(xs), sum(xs), min(xs), max(xs)

def split_name(full):
    first, *middle, last = full.split()
    return first, middle, last

n, total, lo, hi = stats([3, 9, 1, 7])
print(n, total, lo, hi, total / n)
print(split_name('John Ronald Reuel Tolkien'))
print(split_name('Ada Lovelace'))
f, m, l = split_name('A B C D E')
print(f, m, l)
q, r = divmod(47, 5)
print(q, r)

# Overflow checks the small-int copy leaves out where a comparison proved the
# range, at the edges of the small ints (about +-4611686018427387904) and past them.
def dec(n):
    if n < 2:
        return n
    return n - 1 + (n - 2)


def dec_swapped(n):
    if 2 > n:
        return n
    return n - 2


def inc_to(i, n):
    steps = 0
    while i < n:
        i += 1
        steps = steps + 1
    return i, steps


def low(n):
    if n > -4611686018427387903:
        return n - 2
    return n - 2


def high(n):
    if n <= 4611686018427387901:
        return n + 2
    return n + 2


def exact(n):
    if n == 5:
        return n + 4611686018427387898
    return n + 4611686018427387898


def stored(n):
    if n < 10:
        n = n * 1099511627776
        return n + 2305843009213693952
    return n


def counted(n):
    total = 0
    i = 0
    while i != n:
        total += i
        i += 1
    return total



# Tight bounds: each sum is one past the small ints for the largest value the
# comparison allows, so a bound off by one either way shows.
def below(n):
    if n < 100:
        return n + 4611686018427387805
    return 0


def at_most(n):
    if n <= 100:
        return n + 4611686018427387804
    return 0


def above(n):
    if n > -100:
        return n - 4611686018427387806
    return 0


def at_least(n):
    if n >= -100:
        return n - 4611686018427387805
    return 0


def equal(n):
    if n == 7:
        return n + 4611686018427387897
    return 0


def swapped(n):
    if 100 > n:
        return n - 1
    return 0


def walrus(n):
    if n < (n := 1000):
        return n + 4611686018427386904
    return 0

# Literal arguments: the calls go to each function's int copy.
print(dec(0), dec(1), dec(2), dec(3), dec(4611686018427387903), dec(4611686018427387904), dec(-4611686018427387904), dec(-4611686018427387905), dec(1180591620717411303424))
print(dec_swapped(0), dec_swapped(1), dec_swapped(2), dec_swapped(3), dec_swapped(4611686018427387903), dec_swapped(4611686018427387904), dec_swapped(-4611686018427387904), dec_swapped(-4611686018427387905), dec_swapped(1180591620717411303424))
print(inc_to(4611686018427387901, 4611686018427387903), inc_to(4611686018427387901, 4611686018427387906), inc_to(-5, 3))
print(low(-4611686018427387904), low(-4611686018427387903), low(-4611686018427387902), low(-4611686018427387901), low(0), low(-9223372036854775808))
print(high(4611686018427387900), high(4611686018427387901), high(4611686018427387902), high(4611686018427387903), high(0), high(9223372036854775808))
print(exact(4), exact(5), exact(6), exact(-1))
print(stored(9), stored(10), stored(-1073741824), stored(4194304))
print(counted(1000), counted(0))

print(below(99), below(-5), at_most(100), at_most(99), above(-99), above(0))
print(at_least(-100), at_least(5), equal(7), equal(8), swapped(-4611686018427387904), swapped(0), walrus(5))

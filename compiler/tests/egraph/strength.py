# Floor division and modulo of ints by powers of two become shifts and masks:
# inline both ways, but a mask or a shift is cheaper than a division. Left as
# they are: a divisor that is not a power of two, and operands of unknown type.
def parity(n):
    return n % 2 + n // 4 + n % 8 + n // 8 + n % 3


def unknown(x):
    return x % 2


print(parity(7), parity(-7), parity(2**70), unknown(5), unknown(5.5))

# `del` of a float local: the next read raises.


def f(x):
    y = x * 2.0
    print(y)
    del y
    return y


f(1.25)

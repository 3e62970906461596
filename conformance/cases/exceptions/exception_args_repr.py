# str, repr and args of various exception objects
excs = [ValueError('bad value'), KeyError('k'), KeyError(3), IndexError('idx'),
        TypeError('t', 2), RuntimeError(), ZeroDivisionError('div'), Exception('a', 'b', 'c'),
        AssertionError(), StopIteration(5), AttributeError('attr'), KeyError(), OverflowError('big')]
for e in excs:
    print(type(e).__name__, '|', str(e), '|', repr(e), '|', e.args)
e = ValueError('a', 'b')
print(str(e) == str(e.args), len(e.args))
k = KeyError('multi word key')
print(str(k), repr(k))
k2 = KeyError(('tuple', 1))
print(str(k2), repr(k2), k2.args)
print(repr(ValueError("it's")), repr(ValueError('say "x"')))

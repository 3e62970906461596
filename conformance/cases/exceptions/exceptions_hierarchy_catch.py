# catching via base classes of built-in exceptions
def classify(exc):
    try:
        raise exc
    except ArithmeticError:
        return 'ArithmeticError'
    except LookupError:
        return 'LookupError'
    except Exception:
        return 'Exception'

for exc in [ZeroDivisionError('z'), OverflowError('o'), KeyError('k'), IndexError('i'),
            ValueError('v'), TypeError('t'), NameError('n'), UnicodeError('u')]:
    print(type(exc).__name__, '->', classify(exc))
print(isinstance(KeyError('x'), LookupError), isinstance(ValueError(), Exception))
print(isinstance(ZeroDivisionError(), ArithmeticError), isinstance(IndexError(), KeyError))

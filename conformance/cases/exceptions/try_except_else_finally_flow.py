# order of execution through try/except/else/finally
def run(x):
    print('start', x)
    try:
        print('try', x)
        r = 10 // x
        print('after division', r)
    except ZeroDivisionError:
        print('except')
        r = None
    else:
        print('else', r)
    finally:
        print('finally')
    print('end', r)
    return r

print(run(2))
print(run(0))
print(run(-3))

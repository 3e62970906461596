# return inside finally overrides returns and swallows exceptions
def f1():
    try:
        return 'try'
    finally:
        return 'finally'

def f2():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'

def f3(log):
    try:
        log.append('try')
        return 'from try'
    finally:
        log.append('finally ran')

def f4():
    x = 1
    try:
        return x
    finally:
        x = 2
        print('x changed to', x)

print(f1())
print(f2())
log = []
print(f3(log), log)
print(f4())

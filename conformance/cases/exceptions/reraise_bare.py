# bare raise re-raises the current exception
def parse(s):
    try:
        return int(s)
    except ValueError:
        print('logging bad input', repr(s))
        raise

for s in ['12', '-4']:
    print(parse(s))
try:
    parse('x1')
except ValueError as e:
    print('outer got:', e)
def convert_all(items):
    out = []
    for it in items:
        try:
            out.append(parse(it))
        except ValueError:
            out.append(None)
    return out
print(convert_all(['1', 'two', '3']))
try:
    parse('4.5')
except ValueError as e:
    print('final:', repr(e))

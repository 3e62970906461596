# a new exception raised inside an except block
def convert(v):
    try:
        return int(v)
    except ValueError:
        try:
            return float(v)
        except ValueError:
            raise TypeError('cannot convert ' + repr(v))

for v in ['3', '2.5', '1e3']:
    print(repr(v), convert(v))
try:
    convert('abc')
except TypeError as e:
    print('caught', e)
try:
    try:
        {}['a']
    except KeyError:
        [][0]
except IndexError as e:
    print('handler replaced with', repr(e))

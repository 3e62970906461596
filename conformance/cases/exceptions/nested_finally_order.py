# ordering of nested finally blocks during propagation
def inner():
    try:
        try:
            print('inner body')
            raise KeyError('deep')
        finally:
            print('inner finally 1')
    finally:
        print('inner finally 2')

def outer():
    try:
        inner()
    except KeyError as e:
        print('outer caught', e)
        return 'handled'
    finally:
        print('outer finally')

print(outer())

# nested try blocks: inner handler, outer handler, propagation
def risky(kind):
    if kind == 'key':
        return {}['nope']
    if kind == 'index':
        return [][0]
    if kind == 'zero':
        return 1 / 0
    return 'ok'

for kind in ['ok', 'key', 'index', 'zero']:
    try:
        try:
            print('result', risky(kind))
        except KeyError as e:
            print('inner caught KeyError', e)
        finally:
            print('inner finally', kind)
    except IndexError as e:
        print('outer caught IndexError', e)
    except Exception as e:
        print('outer caught', type(e).__name__, e)

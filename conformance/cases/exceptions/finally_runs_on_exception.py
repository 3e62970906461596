# finally runs even when the exception escapes
def op(log, fail):
    log.append('begin')
    try:
        if fail:
            raise RuntimeError('failure in op')
        log.append('work')
    finally:
        log.append('cleanup')
    log.append('after')

log = []
op(log, False)
print(log)
log = []
try:
    op(log, True)
except RuntimeError as e:
    print('caught', e)
print(log)
log = []
try:
    op(log, True)
except Exception as e:
    print('again', type(e).__name__, e.args)
print(log)

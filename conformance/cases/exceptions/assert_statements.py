# assert with and without messages
def checked_sqrt(n):
    assert n >= 0, 'negative input: ' + str(n)
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    return r

for n in [0, 1, 15, 16, 99]:
    print(n, checked_sqrt(n))
try:
    checked_sqrt(-4)
except AssertionError as e:
    print('caught:', e, e.args)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print('bare assert:', repr(e), e.args)
assert True, 'never'
x = [1, 2]
assert len(x) == 2
print('asserts passed')

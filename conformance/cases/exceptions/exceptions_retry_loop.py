# retrying an operation that fails a few times
attempts = [0]
def flaky(n):
    attempts[0] += 1
    if attempts[0] < n:
        raise ConnectionError('attempt ' + str(attempts[0]) + ' failed')
    return 'success after ' + str(attempts[0])

for limit in [1, 3, 5]:
    attempts[0] = 0
    result = 'gave up'
    for tries in range(4):
        try:
            result = flaky(limit)
            break
        except ConnectionError as e:
            print('retry:', e)
    print(limit, result)

# messages of AttributeError for missing methods
values = [[], (), {}, '', 5, 2.5, None, set(), True]
for v in values:
    try:
        v.foo()
    except AttributeError as e:
        print(e)
try:
    [1].push(2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    'abc'.append('d')
except AttributeError as e:
    print(type(e).__name__, e)

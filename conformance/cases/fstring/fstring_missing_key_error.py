# a failing expression inside an f-string propagates its exception
data = {'a': 1, 'b': 2}
for k in ['a', 'b']:
    print(f'{k} -> {data[k]:03d}')
items = [10, 20]
print(f'first={items[0]} last={items[-1]}')
for k, v in data.items():
    print(f'{k!r:>5}={v:<4}|{v * 1.5:.2f}')
print(f'{len(data)} keys, sum={sum(data.values())}')
print(f'missing={data["c"]}')

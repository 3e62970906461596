# comprehensions over dict keys, values and items
stock = {'apples': 10, 'pears': 0, 'plums': 7, 'figs': 0, 'kiwis': 3}
print([k for k in stock if stock[k] == 0])
print([v for v in stock.values() if v])
print({k: v for k, v in stock.items() if v > 5})
print(sorted([(v, k) for k, v in stock.items()], reverse=True))
print(sum([v for v in stock.values()]))
print({k[0]: v for k, v in stock.items()})
keys_by_len = {}
for k in stock:
    keys_by_len.setdefault(len(k), []).append(k)
print(keys_by_len)
print([k.upper() for k in stock.keys() if k.endswith('s')])
print([(k, v) for k, v in stock.items() if k < 'm'])

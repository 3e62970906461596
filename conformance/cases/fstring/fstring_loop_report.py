# report with dynamic widths computed from data
data = {'alpha': 1.5, 'be': 22.25, 'gamma_ray': -3.0, 'd': 1000.125}
w = max([len(k) for k in data])
for k, v in data.items():
    bar = '#' * int(abs(v) // 100 + 1)
    print(f'{k:<{w}} : {v:>10.3f} {bar}')
print(f'{"sum":<{w}} : {sum(data.values()):>10.3f}')
print(f'{"mean":<{w}} : {sum(data.values()) / len(data):>10.3f}')
keys = sorted(data)
cells = [f'{k:^{w}}' for k in keys]
print(f'{"|".join(cells)}')
vals = [f'{data[k]:^{w}.1f}' for k in keys]
print(f'{"|".join(vals)}|{len(vals)}')

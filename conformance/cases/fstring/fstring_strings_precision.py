# precision on strings truncates
s = 'abcdefghij'
print(f'[{s:.3}] [{s:10.3}] [{s:>10.5}] [{s:^9.1}] [{s:.0}] [{s:.20}]')
for n in range(0, 12, 3):
    print(f'[{s:.{n}}]')
print(f'[{"":5}] [{"":.2}]')
name = 'Alexander'
for w in [3, 6, 12]:
    print(f'[{name:>{w}.{w // 2}}] [{name:<{w}.4}] [{name:^{w}}]')
print(f'[{"xyz":*<2.1}] [{"xyz":*>5.2}]')

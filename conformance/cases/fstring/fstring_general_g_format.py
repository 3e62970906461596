# general format g/G and default float repr in format
vals = [0.00001234, 0.0001234, 123.456, 123456.0, 1234567.0, 1e-10, 100.0, 0.0, -2.5e-7]
for v in vals:
    print(f'{v} {v:g} {v:G} {v:.2g} {v:#g} {v:.10g} {v:12.4g}|')
print(f'{1.0:}', f'{1.0:.1}', f'{123.0:.2}', f'{1.5:10}|')
for p in [1, 2, 5, 10]:
    print(f'{2 / 3:.{p}g} {200000 / 3:.{p}g} {2e-7 / 3:.{p}g}')
print(f'{1e15:g} {1e16:g} {1e-4:g} {1e-5:g}')
print(f'{100:g} {12345678:g} {-7:g}')
print(f'{0.5:g} {5:g} {5e-5:g} {5e5:g} {5e6:g}')

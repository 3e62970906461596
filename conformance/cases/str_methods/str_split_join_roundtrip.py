# split and join roundtrips with different separators
samples = ['a,b,c', ',a,,b,', 'single', '', ',,,']
for s in samples:
    parts = s.split(',')
    print(repr(s), parts, len(parts), ','.join(parts) == s)
csv = 'name,age\nann,31\nbob,25\n'
rows = [line.split(',') for line in csv.strip().split('\n')]
print(rows)
header = rows[0]
for r in rows[1:]:
    print(dict(zip(header, r)))

# formatting a table with computed column widths
rows = [
    ['Name', 'Language', 'Year', 'Score'],
    ['Ada', 'Python', 2019, 91.5],
    ['Grace Hopper', 'COBOL', 1959, 88.25],
    ['Linus', 'C', 1991, 79.0],
    ['Guido', 'ABC', 1987, 100.0],
]
def cell(v):
    if isinstance(v, float):
        return f'{v:.2f}'
    return str(v)

text = [[cell(v) for v in r] for r in rows]
widths = [max([len(r[i]) for r in text]) for i in range(len(text[0]))]
print(widths)
sep = '+' + '+'.join(['-' * (w + 2) for w in widths]) + '+'
print(sep)
for n, r in enumerate(text):
    parts = []
    for i, v in enumerate(r):
        if n > 0 and isinstance(rows[n][i], (int, float)):
            parts.append(' ' + v.rjust(widths[i]) + ' ')
        else:
            parts.append(' ' + v.ljust(widths[i]) + ' ')
    print('|' + '|'.join(parts) + '|')
    if n == 0:
        print(sep.replace('-', '='))
print(sep)
avg = sum([r[3] for r in rows[1:]]) / (len(rows) - 1)
print(f'{"average":>{sum(widths) + 9}} {avg:.3f}')

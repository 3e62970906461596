# a recursive JSON-like pretty printer
def render(value, indent=0):
    pad = '  ' * indent
    if isinstance(value, dict):
        if not value:
            return '{}'
        lines = []
        for k, v in value.items():
            lines.append(pad + '  ' + quote(str(k)) + ': ' + render(v, indent + 1))
        return '{\n' + ',\n'.join(lines) + '\n' + pad + '}'
    if isinstance(value, (list, tuple)):
        if not value:
            return '[]'
        items = [pad + '  ' + render(v, indent + 1) for v in value]
        return '[\n' + ',\n'.join(items) + '\n' + pad + ']'
    if isinstance(value, str):
        return quote(value)
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return repr(value)

def quote(s):
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == '\n':
            out += '\\n'
        else:
            out += ch
    return out + '"'

doc = {'name': 'skink', 'version': (0, 1, 2), 'stable': False, 'score': 9.75,
       'authors': [{'name': 'A "quoted" person', 'langs': ['py', 'rs']}, {'name': 'B', 'langs': []}],
       'meta': {}, 'notes': 'line1\nline2', 'parent': None, 7: 'int key'}
print(render(doc))
print(render([1, [2, [3, []]]]))
print(render('plain'), render(True), render(10 ** 20))

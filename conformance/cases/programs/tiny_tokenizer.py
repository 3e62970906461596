# a tiny tokenizer for arithmetic-like source text
KEYWORDS = ['let', 'if', 'else', 'print']

def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == '.'):
                j += 1
            text = src[i:j]
            tokens.append(('FLOAT' if '.' in text else 'INT', text))
            i = j
        elif ch.isalpha() or ch == '_':
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == '_'):
                j += 1
            word = src[i:j]
            tokens.append(('KW' if word in KEYWORDS else 'NAME', word))
            i = j
        elif src[i:i + 2] in ('==', '!=', '<=', '>='):
            tokens.append(('OP', src[i:i + 2]))
            i += 2
        elif ch in '+-*/=<>()':
            tokens.append(('OP', ch))
            i += 1
        elif ch == '"':
            j = src.find('"', i + 1)
            if j == -1:
                raise SyntaxError('unterminated string at ' + str(i))
            tokens.append(('STR', src[i + 1:j]))
            i = j + 1
        else:
            raise ValueError(f'bad character {ch!r} at {i}')
    return tokens

for line in ['let x = 3.5 * (y_1 + 42)', 'if x >= 10 print "big" else print "small"', 'a!=b', 'z = 1 # c', 'print "oops']:
    try:
        toks = tokenize(line)
        print(len(toks), toks)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e)

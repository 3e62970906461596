# Character-level text processing: a tokenizer for arithmetic expressions that
# classifies characters one at a time and evaluates what it reads.
import sys


def make_source(n):
    pieces = []
    for i in range(n):
        pieces.append(f"x{i % 13} = ({i} + {i * 7 % 101}) * {i % 9 + 1} - foo_{i % 5};")
    return " ".join(pieces)


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("num", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        else:
            tokens.append(("op", c))
            i += 1
    return tokens


def evaluate(tokens):
    env = {}
    total = 0
    value = 0
    sign = 1
    target = ""
    for kind, text in tokens:
        if kind == "num":
            value += sign * int(text)
        elif kind == "name":
            if target == "":
                target = text
            else:
                value += sign * (ord(text[-1]) - ord("0"))
        elif text == "-":
            sign = -1
        elif text == "+" or text == "*":
            sign = 1
        elif text == ";":
            env[target] = env.get(target, 0) + value
            total += value
            target = ""
            value = 0
            sign = 1
    return total, env


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 90000
    src = make_source(n)
    tokens = tokenize(src)
    total, env = evaluate(tokens)
    print(len(tokens), total, sorted(env.items())[:4])


main()

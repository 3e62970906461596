def read_lines():
    text = "10 apples\n3 pears\n\n7 plums\nbad line\n12 figs"
    for line in text.split("\n"):
        yield line

def non_empty(lines):
    for line in lines:
        if line.strip():
            yield line

def parse(lines):
    for line in lines:
        count, _, fruit = line.partition(" ")
        if count.isdigit():
            yield int(count), fruit

def running_total(pairs):
    total = 0
    for count, fruit in pairs:
        total += count
        yield fruit, total

for fruit, total in running_total(parse(non_empty(read_lines()))):
    print(f"{fruit:>8} {total:4d}")
print(list(zip(range(10), parse(read_lines()))))
print(list(enumerate(non_empty(read_lines()), 1))[-1])

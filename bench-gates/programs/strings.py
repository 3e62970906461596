# Strings: building with join and f-strings, splitting, replacing, searching,
# case changes and slicing of generated text.
import sys

WORDS = ["skink", "lizard", "scale", "tail", "sun", "rock", "desert", "burrow"]


def make_line(i):
    a = WORDS[i % len(WORDS)]
    b = WORDS[(i * 7 + 3) % len(WORDS)]
    return f"{a}-{i:05d} {b.upper()} {a[::-1]}|{i % 97:>3}"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
    lines = [make_line(i) for i in range(n)]
    text = "\n".join(lines)
    checksum = len(text)
    for line in text.split("\n"):
        head, _, tail = line.partition("|")
        parts = head.split(" ")
        checksum += len(parts[0]) * 3 + parts[1].count("A") + int(tail)
        if parts[2].startswith("kni"):
            checksum += 11
        checksum += line.find("UN") + line.rfind("e")
    swapped = text.replace("skink", "SKINK").replace("-0", "+")
    checksum += swapped.count("SKINK") + swapped.count("+") + len(swapped.lower().strip())
    print(checksum, lines[-1], swapped[:40])


main()

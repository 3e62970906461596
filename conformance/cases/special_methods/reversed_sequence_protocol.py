class Word:
    def __init__(self, text):
        self.text = text
    def __len__(self):
        return len(self.text)
    def __getitem__(self, i):
        if i < 0 or i >= len(self.text):
            raise IndexError("word index out of range")
        return self.text[i].upper()

w = Word("python")
print(list(w))
print(list(reversed(w)))
print("".join(reversed(Word("abc"))))
print(list(reversed(Word(""))))

class NoLen:
    def __getitem__(self, i):
        return i
try:
    reversed(NoLen())
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(5)
except TypeError as e:
    print("TypeError:", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n))

    def __reversed__(self):
        print("__reversed__ called")
        return iter(range(self.n, 0, -1))


print(list(Countdown(3)), list(reversed(Countdown(3))))
print(type(reversed(Word("ab"))).__name__)
